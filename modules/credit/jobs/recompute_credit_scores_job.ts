import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import {
  recomputeAllScores,
  recomputeInstitutionScore,
} from '../score/actions/recompute_institution_score.js'

export interface RecomputeCreditScoresPayload {
  /** One institution after an event about it; absent: every institution (the monthly run). */
  institutionId?: number
  cause?: string
  ref?: string | number | null
}

/** Credit scores recomputed off the request: one after an event, all monthly. Safe to rerun. */
export default class RecomputeCreditScoresJob extends Job<RecomputeCreditScoresPayload> {
  static override options = { name: 'credit.recompute_scores', queue: 'default', maxRetries: 3 }

  async execute() {
    const { institutionId, cause, ref } = this.payload
    if (institutionId) {
      await recomputeInstitutionScore(institutionId, { cause: cause ?? 'event', ref })
      return
    }
    logger.info(await recomputeAllScores(), 'credit scores recomputed')
  }
}
