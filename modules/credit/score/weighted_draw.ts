/*
| "双随机" inspection planning weighted by credit grade: institutions of a
| lower grade are drawn more often (Tianjin 2022: A and B sampled less
| often, E without limit). Weighted sampling without replacement
| (Efraimidis–Spirakis): each institution gets the key u^(1/w), u drawn
| from a hash of the kept seed and its id, and the highest keys win. The
| same seed over the same population always gives the same draw, so
| anyone auditing it can replay it.
*/
import { createHash } from 'node:crypto'
import type { ScoreBand } from './national_rules.js'

/** How many times more likely than an A each grade is drawn. */
export const INSPECTION_WEIGHTS: Readonly<Record<ScoreBand['grade'], number>> = Object.freeze({
  A: 1,
  B: 2,
  C: 4,
  D: 8,
  E: 16,
})

/** A uniform number in (0, 1) from the seed and the id. */
function uniform(seed: string, id: number): number {
  const hex = createHash('sha256').update(`${seed}:${id}`).digest('hex').slice(0, 13)
  return (Number.parseInt(hex, 16) + 1) / (16 ** 13 + 2)
}

/** The ids drawn, in draw order. */
export function weightedDraw(
  population: { institutionId: number; grade: ScoreBand['grade'] }[],
  size: number,
  seed: string,
  weights: Readonly<Record<ScoreBand['grade'], number>> = INSPECTION_WEIGHTS
): number[] {
  return population
    .map((p) => ({
      id: p.institutionId,
      key: Math.log(uniform(seed, p.institutionId)) / weights[p.grade],
    }))
    .sort((a, b) => b.key - a.key || a.id - b.id)
    .slice(0, Math.max(0, size))
    .map((p) => p.id)
}
