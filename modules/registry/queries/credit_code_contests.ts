import type { CurrentUser } from '#modules/identity'
import CreditCodeContest from '../models/credit_code_contest.js'
import Institution from '../models/institution.js'
import { reviewScope } from '../services/authority.js'

/** Open contests about filings this bureau is responsible for, oldest first, with the holding filing. */
export async function pendingContests(user: CurrentUser) {
  const scope = reviewScope(user)
  if (!scope) return []
  const holders = Institution.query()
    .where('delivery', scope.delivery)
    .where(scope.column === 'region_code' ? 'regionCode' : 'provinceCode', scope.value)
    .select('id')
  const contests = await CreditCodeContest.query()
    .where('status', 'pending')
    .whereIn('institutionId', holders)
    .orderBy('createdAt', 'asc')
    .orderBy('id', 'asc')
    .limit(200)
  const institutions = new Map(
    (
      await Institution.query().whereIn(
        'id',
        contests.map((c) => c.institutionId)
      )
    ).map((i) => [i.id, i])
  )
  return contests.map((contest) => ({
    contest,
    institution: institutions.get(contest.institutionId)!,
  }))
}
