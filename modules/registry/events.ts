/*
| Domain events the registry emits (after commit). Other modules and
| plugin policies react to them; every event carries its region.
*/
import type { ListStatus } from './models/institution.js'

export interface ListChangedEvent {
  institutionId: number
  regionCode: string
  from: ListStatus
  to: ListStatus
}

export interface FilingApprovedEvent {
  institutionId: number
  regionCode: string
}

export interface InstitutionRemovedEvent {
  institutionId: number
  regionCode: string
  reason: string
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'registry:list_changed': ListChangedEvent
    'registry:filing_approved': FilingApprovedEvent
    'registry:institution_removed': InstitutionRemovedEvent
    'registry:institution_restored': FilingApprovedEvent
  }
}

declare module '#plugin_sdk' {
  interface DomainEvents {
    'registry:list_changed': ListChangedEvent
    'registry:filing_approved': FilingApprovedEvent
    'registry:institution_removed': InstitutionRemovedEvent
  }
}
