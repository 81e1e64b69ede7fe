import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'site.home': { paramsTuple?: []; params?: {} }
    'site.locale': { paramsTuple: [ParamValue]; params: {'locale': ParamValue} }
    'site.manifest': { paramsTuple: [ParamValue]; params: {'terminal': ParamValue} }
    'site.offline': { paramsTuple?: []; params?: {} }
    'site.vendor': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'site.health': { paramsTuple?: []; params?: {} }
    'terminals.parent': { paramsTuple?: []; params?: {} }
    'terminals.institution': { paramsTuple?: []; params?: {} }
    'terminals.management': { paramsTuple?: []; params?: {} }
    'terminals.bank': { paramsTuple?: []; params?: {} }
    'sessions.create': { paramsTuple?: []; params?: {} }
    'sessions.store': { paramsTuple?: []; params?: {} }
    'registrations.create': { paramsTuple?: []; params?: {} }
    'registrations.send_code': { paramsTuple?: []; params?: {} }
    'registrations.change_phone': { paramsTuple?: []; params?: {} }
    'registrations.store': { paramsTuple?: []; params?: {} }
    'sessions.destroy': { paramsTuple?: []; params?: {} }
    'password_links.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password_links.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'passwords.edit': { paramsTuple?: []; params?: {} }
    'passwords.update': { paramsTuple?: []; params?: {} }
    'accounts.index': { paramsTuple?: []; params?: {} }
    'accounts.create': { paramsTuple?: []; params?: {} }
    'accounts.store': { paramsTuple?: []; params?: {} }
    'accounts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.reveal_phone': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.disable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.reset': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
  }
  GET: {
    'site.home': { paramsTuple?: []; params?: {} }
    'site.locale': { paramsTuple: [ParamValue]; params: {'locale': ParamValue} }
    'site.manifest': { paramsTuple: [ParamValue]; params: {'terminal': ParamValue} }
    'site.offline': { paramsTuple?: []; params?: {} }
    'site.vendor': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'site.health': { paramsTuple?: []; params?: {} }
    'terminals.parent': { paramsTuple?: []; params?: {} }
    'terminals.institution': { paramsTuple?: []; params?: {} }
    'terminals.management': { paramsTuple?: []; params?: {} }
    'terminals.bank': { paramsTuple?: []; params?: {} }
    'sessions.create': { paramsTuple?: []; params?: {} }
    'registrations.create': { paramsTuple?: []; params?: {} }
    'password_links.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'passwords.edit': { paramsTuple?: []; params?: {} }
    'accounts.index': { paramsTuple?: []; params?: {} }
    'accounts.create': { paramsTuple?: []; params?: {} }
    'accounts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
  }
  HEAD: {
    'site.home': { paramsTuple?: []; params?: {} }
    'site.locale': { paramsTuple: [ParamValue]; params: {'locale': ParamValue} }
    'site.manifest': { paramsTuple: [ParamValue]; params: {'terminal': ParamValue} }
    'site.offline': { paramsTuple?: []; params?: {} }
    'site.vendor': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'site.health': { paramsTuple?: []; params?: {} }
    'terminals.parent': { paramsTuple?: []; params?: {} }
    'terminals.institution': { paramsTuple?: []; params?: {} }
    'terminals.management': { paramsTuple?: []; params?: {} }
    'terminals.bank': { paramsTuple?: []; params?: {} }
    'sessions.create': { paramsTuple?: []; params?: {} }
    'registrations.create': { paramsTuple?: []; params?: {} }
    'password_links.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'passwords.edit': { paramsTuple?: []; params?: {} }
    'accounts.index': { paramsTuple?: []; params?: {} }
    'accounts.create': { paramsTuple?: []; params?: {} }
    'accounts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
  }
  POST: {
    'sessions.store': { paramsTuple?: []; params?: {} }
    'registrations.send_code': { paramsTuple?: []; params?: {} }
    'registrations.change_phone': { paramsTuple?: []; params?: {} }
    'registrations.store': { paramsTuple?: []; params?: {} }
    'sessions.destroy': { paramsTuple?: []; params?: {} }
    'password_links.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.store': { paramsTuple?: []; params?: {} }
    'accounts.reveal_phone': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.disable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.reset': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PUT: {
    'passwords.update': { paramsTuple?: []; params?: {} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}