import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { localPath } from '#kernel/shared/safe_redirect'
import type { CurrentUser } from '#modules/identity'
import InboxPolicy from '../policies/inbox_policy.js'
import { inboxPage, markAllRead, markRead } from '../queries/inbox.js'
import { preferencesOf, savePreferences } from '../queries/preferences.js'

const localeOf = (ctx: HttpContext) => (ctx.i18n.locale === 'en' ? 'en' : 'zh-CN')

/** The message centre of every terminal: one's own messages, read state, and which also come by text. */
export default class InboxController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(InboxPolicy).authorize('use')
    const user = ctx.auth.getUserOrFail() as CurrentUser
    const page = await inboxPage(user.id, Number(ctx.request.input('page', 1)) || 1, localeOf(ctx))
    return ctx.view.render('messages::inbox/index', { ...page, terminal: user.terminals[0] })
  }

  async read(ctx: HttpContext) {
    await ctx.bouncer.with(InboxPolicy).authorize('use')
    const user = ctx.auth.getUserOrFail() as CurrentUser
    const id = Number(ctx.params.id)
    const marked = Number.isSafeInteger(id) && id > 0 ? await markRead(user.id, id) : null
    if (!marked) throw new NotFoundException()
    const target = marked.link ? localPath(marked.link) : null
    return ctx.response.redirect(target ?? '/messages')
  }

  async readAll(ctx: HttpContext) {
    await ctx.bouncer.with(InboxPolicy).authorize('use')
    const user = ctx.auth.getUserOrFail() as CurrentUser
    const count = await markAllRead(user.id)
    ctx.session.flash('success', ctx.i18n.t('messages.inbox.all_read', { count }))
    return ctx.response.redirect('/messages')
  }

  async preferences(ctx: HttpContext) {
    await ctx.bouncer.with(InboxPolicy).authorize('use')
    const user = ctx.auth.getUserOrFail() as CurrentUser
    return ctx.view.render('messages::inbox/preferences', {
      rows: await preferencesOf(user.id, user.role),
      terminal: user.terminals[0],
    })
  }

  async savePreferences(ctx: HttpContext) {
    await ctx.bouncer.with(InboxPolicy).authorize('use')
    const user = ctx.auth.getUserOrFail() as CurrentUser
    const chosen = ctx.request.input('by_text', [])
    const kinds = new Set<string>((Array.isArray(chosen) ? chosen : [chosen]).map(String))
    await savePreferences(user.id, user.role, kinds)
    ctx.session.flash('success', ctx.i18n.t('messages.preferences.saved'))
    return ctx.response.redirect('/messages/preferences')
  }
}
