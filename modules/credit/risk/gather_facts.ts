/*
| Facts of a batch of institutions from the owning modules' public APIs,
| one set-based call each: the registry decides which institutions exist
| (filed, not removed); the others add what they know.
*/
import { capacityRiskFacts } from '#modules/catalog'
import { complaintRiskFacts } from '#modules/complaints'
import { fundsRiskFacts } from '#modules/funds'
import { registryRiskFacts } from '#modules/registry'
import type { RiskFacts } from './indicators.js'

export async function gatherRiskFacts(
  institutionIds: number[],
  asOf: Date
): Promise<Map<number, RiskFacts>> {
  const [registry, funds, complaints, capacity] = await Promise.all([
    registryRiskFacts({ institutionIds, asOf }),
    fundsRiskFacts({ institutionIds, asOf }),
    complaintRiskFacts({ institutionIds, asOf }),
    capacityRiskFacts({ institutionIds }),
  ])
  const facts = new Map<number, RiskFacts>()
  for (const [id, r] of registry)
    facts.set(id, {
      registry: r,
      funds: funds.get(id) ?? null,
      complaints: complaints.get(id) ?? null,
      capacity: capacity.get(id) ?? null,
    })
  return facts
}

/** Every institution a nightly run evaluates: the filed ones not removed, by id. */
export async function allEvaluatedInstitutions(asOf: Date): Promise<number[]> {
  return [...(await registryRiskFacts({ asOf })).keys()]
}
