/*
| Where the rolled-up figures come from: one `Counter` per module that
| counts things per institution, each reached through its public API.
| Typing the list as `Counter[]` is what holds each module to the contract.
*/
import { complaintsCounter } from '#modules/complaints'
import { fundsCounter } from '#modules/funds'
import { registryCounter } from '#modules/registry'
import type { Counter, CounterRow, CounterScope } from '../counter.js'

export const COUNTERS: readonly Counter[] = [registryCounter, fundsCounter, complaintsCounter]

/** Every counter of the scope, merged by institution, region and metric. */
export async function countAll(scope: CounterScope = {}): Promise<CounterRow[]> {
  const parts = await Promise.all(COUNTERS.map((counter) => counter.count(scope)))
  const merged = new Map<string, CounterRow>()
  for (const row of parts.flat()) {
    const key = `${row.regionCode}|${row.institutionId}|${row.metric}`
    const seen = merged.get(key)
    if (seen) seen.value += row.value
    else merged.set(key, { ...row })
  }
  return [...merged.values()]
}

/** Regions whose records changed since a moment, in any counting module. */
export async function regionsChangedSince(since: Date): Promise<string[]> {
  return (await Promise.all(COUNTERS.map((counter) => counter.regionsChangedSince(since)))).flat()
}
