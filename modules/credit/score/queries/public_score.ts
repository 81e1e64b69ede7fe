import type { ScoreBand } from '../national_rules.js'
import CreditScore from '../models/credit_score.js'
import CreditScoreChange from '../models/credit_score_change.js'

/** The institution's current score and factors, or null before its first computation. */
export function currentScore(institutionId: number) {
  return CreditScore.find(institutionId)
}

/** The latest changes of the score, newest first. */
export function scoreHistory(institutionId: number, limit = 12) {
  return CreditScoreChange.query()
    .where('institutionId', institutionId)
    .orderBy('id', 'desc')
    .limit(limit)
}

export interface CreditGrade {
  score: number
  grade: ScoreBand['grade']
  /** Points the platform-application indicators moved the score by (≤ 0): how well it uses the platform (Art. 21). */
  platformPoints: number
}

/** Current grades of many institutions in one query; an institution not yet scored is absent. */
export async function creditGrades(institutionIds: number[]): Promise<Map<number, CreditGrade>> {
  const ids = [...new Set(institutionIds)].filter((id) => Number.isSafeInteger(id) && id > 0)
  if (!ids.length) return new Map()
  const rows = await CreditScore.query().whereIn('institutionId', ids)
  return new Map(
    rows.map((r) => [
      r.institutionId,
      {
        score: r.score,
        grade: r.grade,
        platformPoints: r.factors
          .filter((f) => f.category === 'platform')
          .reduce((sum, f) => sum + f.points, 0),
      },
    ])
  )
}
