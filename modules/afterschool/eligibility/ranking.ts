/*
| Art. 21: "institutions that use the platform well and have higher
| credit grades come first". Within a published list: the credit grade
| (A first), then the points the platform-application indicators left
| (filing current, courses and fees on the platform, no fund anomaly:
| closer to 0 is better), then the whole score, then the earlier
| applicant; each entry keeps the factors it was ranked by.
*/
import type { CreditGrade } from '#modules/credit'
import { GRADES } from './criteria.js'

export interface RankFactors {
  grade: string | null
  score: number | null
  platformPoints: number | null
}

export interface Ranked<T> {
  entry: T
  rank: number
  factors: RankFactors
}

export function rankByCredit<T extends { id: number; institutionId: number }>(
  entries: T[],
  grades: Map<number, CreditGrade>
): Ranked<T>[] {
  const keyed = entries.map((entry) => {
    const g = grades.get(entry.institutionId) ?? null
    return {
      entry,
      factors: {
        grade: g?.grade ?? null,
        score: g?.score ?? null,
        platformPoints: g?.platformPoints ?? null,
      },
      order: [
        g ? GRADES.indexOf(g.grade) : GRADES.length,
        -(g?.platformPoints ?? -Infinity),
        -(g?.score ?? -Infinity),
        entry.id,
      ],
    }
  })
  keyed.sort((a, b) => {
    for (let i = 0; i < a.order.length; i++)
      if (a.order[i] !== b.order[i]) return a.order[i]! - b.order[i]!
    return 0
  })
  return keyed.map((k, i) => ({ entry: k.entry, rank: i + 1, factors: k.factors }))
}
