/* The facts of many applicants from the owning modules' public APIs, one set-based call each. */
import { creditGrades } from '#modules/credit'
import { fundsAfterschoolFacts } from '#modules/funds'
import { registryAfterschoolFacts } from '#modules/registry'
import type { EligibilityFacts } from './checks.js'

export async function gatherEligibilityFacts(
  institutionIds: number[],
  lookbackYears: number
): Promise<Map<number, EligibilityFacts>> {
  const [registry, funds, credit] = await Promise.all([
    registryAfterschoolFacts(institutionIds, lookbackYears),
    fundsAfterschoolFacts(institutionIds),
    creditGrades(institutionIds),
  ])
  const out = new Map<number, EligibilityFacts>()
  for (const [id, r] of registry)
    out.set(id, {
      registry: r,
      funds: funds.get(id) ?? { supervisedAccount: false, openRedAnomalyIds: [] },
      credit: credit.get(id) ?? null,
    })
  return out
}
