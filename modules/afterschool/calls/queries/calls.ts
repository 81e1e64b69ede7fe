import { applyRegionScope, lineageOf } from '#modules/identity'
import AfterschoolApplication from '../models/afterschool_application.js'
import AfterschoolCall from '../models/afterschool_call.js'

/** The calls of a bureau's region and below, newest first. */
export function callsIn(scopeRegion: string | null, page: number, perPage = 20) {
  const query = AfterschoolCall.query()
  applyRegionScope(query, scopeRegion)
  return query.orderBy('id', 'desc').paginate(Math.max(1, page || 1), perPage)
}

/** A call's applications: the published list first by rank, then the rest by institution. */
export function applicationsOf(callId: number) {
  return AfterschoolApplication.query()
    .where('callId', callId)
    .orderByRaw('rank IS NULL, rank, institution_id')
}

/** Calls covering an institution's region (its county's, its city's, its province's), newest first. */
export function callsFor(institutionRegion: string, page: number, perPage = 20) {
  const l = lineageOf(institutionRegion)
  const covering = [l.regionCode, l.countyCode, l.cityCode, l.provinceCode].filter(
    (c): c is string => !!c
  )
  return AfterschoolCall.query()
    .whereIn('regionCode', [...new Set(covering)])
    .orderBy('closesOn', 'desc')
    .orderBy('id', 'desc')
    .paginate(Math.max(1, page || 1), perPage)
}

export function applicationOf(callId: number, institutionId: number) {
  return AfterschoolApplication.query().where({ callId, institutionId }).first()
}
