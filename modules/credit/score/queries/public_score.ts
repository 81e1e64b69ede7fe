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
