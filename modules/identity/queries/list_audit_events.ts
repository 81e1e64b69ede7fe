import { DateTime } from 'luxon'
import AuditEvent from '../models/audit_event.js'
import type { CurrentUser } from '../services/current_user.js'
import { applyRegionScope } from '../services/region_scope.js'

export interface AuditFilters {
  action?: string | null
  actorId?: number | null
  from?: string | null
  to?: string | null
  page?: number
}

/**
 * The audit log of the admin's region and below. Events without a region
 * (a parent's sign-in, say) are national and only the ministry sees them.
 */
export class ListAuditEvents {
  async handle(actor: CurrentUser, filters: AuditFilters) {
    const query = AuditEvent.query()
    applyRegionScope(query, actor.regionCode)
    if (filters.action) query.where('action', filters.action)
    if (filters.actorId) query.where('actorId', filters.actorId)
    const from = filters.from ? DateTime.fromISO(filters.from, { zone: 'Asia/Shanghai' }) : null
    const to = filters.to
      ? DateTime.fromISO(filters.to, { zone: 'Asia/Shanghai' }).plus({ days: 1 })
      : null
    if (from?.isValid) query.where('occurredAt', '>=', from.toSQL()!)
    if (to?.isValid) query.where('occurredAt', '<', to.toSQL()!)
    return query
      .orderBy('occurredAt', 'desc')
      .orderBy('id', 'desc')
      .paginate(Math.max(1, filters.page ?? 1), 50)
  }
}
