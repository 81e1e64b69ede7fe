import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { recheckListed } from '../calls/actions/recheck_listed.js'

export interface RecheckListedPayload {
  /** The institution an event concerned; absent: everyone on a published list (the nightly run). */
  institutionId?: number
}

/**
 * Published lists re-checked off the request: one institution seconds
 * after an event about it, everyone nightly. A drop is written once (the
 * entry is marked) and its messages are keyed on it, so a retried or
 * redelivered job changes nothing.
 */
export default class RecheckListedJob extends Job<RecheckListedPayload> {
  static override options = { name: 'afterschool.recheck_listed', queue: 'default', maxRetries: 3 }

  async execute() {
    const { institutionId } = this.payload
    const run = await recheckListed(institutionId ? [institutionId] : undefined)
    if (!institutionId) logger.info(run, 'after-school lists re-checked')
  }
}
