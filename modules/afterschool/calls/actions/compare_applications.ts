/*
| The automatic comparison of a call's applicants (Art. 21): the
| criteria of the call's region, the facts of every applicant gathered
| set-based, each application's checks written in one statement. Run
| when an institution applies and again before the list is published, so
| the list is judged on the day's facts.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { toRegionCode } from '#kernel/shared/region_code'
import { type CheckResult, compare, passesAll } from '../../eligibility/checks.js'
import { criteriaFor } from '../../eligibility/criteria.js'
import { gatherEligibilityFacts } from '../../eligibility/gather_facts.js'
import AfterschoolApplication from '../models/afterschool_application.js'
import AfterschoolCall from '../models/afterschool_call.js'

export interface Compared {
  applicationId: number
  eligible: boolean
  checks: CheckResult[]
}

/** Compares applications (of one or more calls) on today's facts; returns each one's result. */
export async function judge(applications: AfterschoolApplication[]): Promise<Compared[]> {
  if (!applications.length) return []
  const calls = new Map(
    (
      await AfterschoolCall.query().whereIn('id', [...new Set(applications.map((a) => a.callId))])
    ).map((c) => [c.id, c])
  )
  const criteria = new Map<number, Awaited<ReturnType<typeof criteriaFor>>>()
  for (const call of calls.values())
    criteria.set(
      call.id,
      await criteriaFor(toRegionCode(call.regionCode), { categories: call.categories })
    )
  const lookback = Math.max(...[...criteria.values()].map((c) => c.lookbackYears))
  const facts = await gatherEligibilityFacts(
    applications.map((a) => a.institutionId),
    lookback
  )
  return applications.map((a) => {
    const f = facts.get(a.institutionId)
    /* An institution the registry no longer knows fails the filing check and nothing else can pass. */
    const checks: CheckResult[] = f
      ? compare(f, a.offers, criteria.get(a.callId)!)
      : [{ key: 'filed_white', pass: false, evidence: {} }]
    return { applicationId: a.id, eligible: passesAll(checks), checks }
  })
}

export async function writeComparison(
  results: Compared[],
  client: TransactionClientContract | typeof db = db
) {
  if (!results.length) return
  await client.rawQuery(
    `UPDATE afterschool_applications a
        SET eligible = d.eligible, checks = d.checks::jsonb, compared_at = now(), updated_at = now()
       FROM unnest(?::bigint[], ?::boolean[], ?::text[]) AS d(id, eligible, checks)
      WHERE a.id = d.id`,
    [
      results.map((r) => r.applicationId),
      results.map((r) => r.eligible),
      results.map((r) => JSON.stringify(r.checks)),
    ] as any[]
  )
}

export async function compareApplications(applicationIds: number[]): Promise<Compared[]> {
  const applications = await AfterschoolApplication.query().whereIn('id', applicationIds)
  const results = await judge(applications)
  await writeComparison(results)
  return results
}
