import User from '../models/user.js'
import type { CurrentUser } from '../services/current_user.js'
import { applyRegionScope } from '../services/region_scope.js'

export interface AccountFilters {
  role?: string | null
  status?: string | null
  /** Part of the unit name, display name or username. */
  q?: string | null
  page?: number
  perPage?: number
}

/** Bureau, school and bank accounts in the admin's region, below the admin's level. */
export class ListAccounts {
  async handle(actor: CurrentUser, filters: AccountFilters) {
    const query = User.query()
      .whereIn('role', ['admin', 'school_operator', 'bank_operator'])
      .whereNot('id', actor.id)
    applyRegionScope(query, actor.regionCode)
    if (actor.adminLevel !== 'ministry') {
      /* Peers at the admin's own level are not theirs to manage. */
      query.whereNot((q) =>
        q
          .where('role', 'admin')
          .where('regionCode', actor.regionCode!)
          .whereNot('adminLevel', 'subunit')
      )
    }
    if (filters.role) query.where('role', filters.role)
    if (filters.status) query.where('status', filters.status)
    if (filters.q) {
      const like = `%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
      query.where((q) =>
        q
          .whereILike('unitName', like)
          .orWhereILike('displayName', like)
          .orWhereILike('username', like)
      )
    }
    return query
      .orderBy('regionCode', 'asc')
      .orderBy('id', 'desc')
      .paginate(Math.max(1, filters.page ?? 1), Math.min(100, filters.perPage ?? 20))
  }
}
