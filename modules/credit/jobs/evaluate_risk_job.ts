import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { evaluateRisk } from '../risk/evaluate_risk.js'
import { advanceRiskWarnings } from '../risk/advance_warnings.js'

export interface EvaluateRiskPayload {
  /** The institutions an event concerned; absent: every institution (the nightly run). */
  institutionIds?: number[]
}

/**
 * Risk warnings re-evaluated off the request: one institution seconds after
 * an event about it, every institution nightly, then the lifecycle moved
 * on (bureaus urged, notices published). Each step recomputes from the
 * facts or keys its writes, so a retried or redelivered job changes nothing.
 */
export default class EvaluateRiskJob extends Job<EvaluateRiskPayload> {
  static override options = { name: 'credit.evaluate_risk', queue: 'default', maxRetries: 3 }

  async execute() {
    const { institutionIds } = this.payload
    const run = await evaluateRisk(institutionIds)
    if (institutionIds) return
    logger.info({ ...run, ...(await advanceRiskWarnings()) }, 'risk warnings evaluated')
  }
}
