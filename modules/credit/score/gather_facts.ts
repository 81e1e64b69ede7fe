/*
| The facts behind the scores of many institutions, from each owning
| module's public API in one grouped query per module, and the rules of
| each institution's region (resolved once per region and checked).
*/
import { ZONE } from '#kernel/shared/dates'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { creditAdjustmentsFor } from '#kernel/plugins/policies'
import { toRegionCode } from '#kernel/shared/region_code'
import { catalogCreditFacts } from '#modules/catalog'
import { complaintsCreditFacts } from '#modules/complaints'
import { fundsCreditFacts } from '#modules/funds'
import { registryCreditFacts } from '#modules/registry'
import { scoreBands, scoreIndicators } from '../extension_points.js'
import type { InstitutionCreditFacts, PenaltyFact } from './compute_score.js'
import {
  type ScoreBand,
  type ScoreIndicators,
  checkBands,
  checkIndicators,
} from './national_rules.js'

export interface CreditSubject {
  id: number
  regionCode: string
  delivery: 'offline' | 'online'
}

export interface ScoreRules {
  indicators: ScoreIndicators
  bands: ScoreBand[]
}

/** The checked rules for a subject's region; a plugin's unsound rules throw ScoreRulesError. */
export async function rulesFor(subject: CreditSubject): Promise<ScoreRules> {
  const region = toRegionCode(subject.regionCode)
  const input = { institutionId: subject.id, delivery: subject.delivery }
  const [indicators, bands] = await Promise.all([
    scoreIndicators.resolve(region, input),
    scoreBands.resolve(region, input),
  ])
  return {
    indicators: checkIndicators(indicators, subject.regionCode),
    bands: checkBands(bands, subject.regionCode),
  }
}

/** The longest a penalty can weigh (penaltyMonths is at most 120). */
const PENALTY_HORIZON_MONTHS = 120

export async function gatherFacts(
  subjects: CreditSubject[],
  windowMonths: number,
  now = DateTime.now().setZone(ZONE)
): Promise<Map<number, InstitutionCreditFacts>> {
  const ids = subjects.map((s) => s.id)
  const since = now.minus({ months: windowMonths }).toJSDate()
  const [registry, funds, complaints, catalog, penalties, adjustments, ratings] = await Promise.all(
    [
      registryCreditFacts(ids, since),
      fundsCreditFacts(ids, since),
      complaintsCreditFacts(ids, since),
      catalogCreditFacts(ids, since),
      ids.length
        ? db
            .from('credit_penalties')
            .whereIn('institution_id', ids)
            .where('decided_on', '>=', now.minus({ months: PENALTY_HORIZON_MONTHS }).toISODate()!)
            .select(
              'id',
              'institution_id',
              'kind',
              'document_number',
              db.raw(`decided_on::text as day`)
            )
        : [],
      creditAdjustmentsFor(ids, since),
      ids.length
        ? db
            .from('credit_school_ratings')
            .whereIn('institution_id', ids)
            .where('rated_on', '>=', now.minus({ months: windowMonths }).toISODate()!)
            /* One rating per school in the window, its latest: a school cannot deduct the cap alone. */
            .distinctOn('institution_id', 'school_id')
            .orderBy([
              { column: 'institution_id' },
              { column: 'school_id' },
              { column: 'rated_on', order: 'desc' },
              { column: 'id', order: 'desc' },
            ])
            .select('institution_id', db.raw('(quality + safety + punctuality) / 3.0 AS average'))
        : [],
    ]
  )
  const out = new Map<number, InstitutionCreditFacts>()
  for (const id of ids)
    out.set(id, {
      registry: registry.get(id),
      funds: funds.get(id),
      complaints: complaints.get(id),
      catalog: catalog.get(id),
      penalties: [],
      adjustments: [],
      schoolRatings: [],
    })
  for (const p of penalties) {
    const fact: PenaltyFact = {
      id: Number(p.id),
      kind: p.kind,
      documentNumber: p.document_number,
      decidedOn: p.day,
    }
    out.get(Number(p.institution_id))?.penalties.push(fact)
  }
  for (const r of ratings) out.get(Number(r.institution_id))?.schoolRatings.push(Number(r.average))
  for (const a of adjustments)
    out
      .get(a.institutionId)
      ?.adjustments.push({ id: a.id, pluginId: a.pluginId, points: a.points, reason: a.reason })
  return out
}
