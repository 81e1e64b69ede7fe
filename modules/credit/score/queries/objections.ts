import { applyRegionScope } from '#modules/identity'
import CreditObjection from '../models/credit_objection.js'

/** The objections of the bureau's region, open ones first, oldest first among them. */
export function regionObjections(scopeRegion: string | null, page: number, perPage = 20) {
  const query = CreditObjection.query()
  applyRegionScope(query, scopeRegion)
  return query
    .orderByRaw(`status = 'open' DESC`)
    .orderBy('id', 'asc')
    .paginate(Math.max(1, page || 1), perPage)
}

/** An institution's own objections, newest first. */
export function institutionObjections(institutionId: number) {
  return CreditObjection.query().where('institutionId', institutionId).orderBy('id', 'desc')
}
