import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import AuditPolicy from '../policies/audit_policy.js'
import { ListAuditEvents } from '../queries/list_audit_events.js'
import { auditFiltersValidator } from '../validators/account.js'

export default class AuditEventsController {
  async index({ bouncer, request, view, auth }: HttpContext) {
    await bouncer.with(AuditPolicy).authorize('index')
    const filters = await auditFiltersValidator.validate(request.qs())
    const query = {
      action: filters.action ?? null,
      from: filters.from ? DateTime.fromJSDate(filters.from).toISODate() : null,
      to: filters.to ? DateTime.fromJSDate(filters.to).toISODate() : null,
    }
    const events = await new ListAuditEvents().handle(auth.getUserOrFail(), {
      ...query,
      page: filters.page,
    })
    events.baseUrl(request.url())
    events.queryString(query)
    return view.render('identity::audit_events/index', { events, filters: query })
  }
}
