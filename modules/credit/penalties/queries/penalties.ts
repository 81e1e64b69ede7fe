import { todayIso } from '#kernel/shared/dates'
import { applyRegionScope } from '#modules/identity'
import Penalty from '../models/penalty.js'

/** The penalties on institutions in a bureau's region, newest decision first. */
export function regionPenalties(scopeRegion: string | null, page: number, perPage = 20) {
  const query = Penalty.query()
  applyRegionScope(query, scopeRegion)
  return query
    .orderBy('decidedOn', 'desc')
    .orderBy('id', 'desc')
    .paginate(Math.max(1, page || 1), perPage)
}

/** The decisions an institution's public page shows today (Beijing): decided and still within publication. */
export function publishedPenalties(institutionId: number, day = todayIso()) {
  return Penalty.query()
    .where('institutionId', institutionId)
    .where('decidedOn', '<=', day)
    .where('publishUntil', '>=', day)
    .orderBy('decidedOn', 'desc')
    .orderBy('id', 'desc')
}
