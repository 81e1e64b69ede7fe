import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { ExpireDraftClaims } from '../actions/expire_draft_claims.js'

/** Daily: drafts never submitted within 30 days release their credit code. */
export default class ExpireDraftClaimsJob extends Job<Record<string, never>> {
  static override options = {
    name: 'registry.expire_draft_claims',
    queue: 'scheduled',
    maxRetries: 3,
  }

  async execute() {
    const released = await new ExpireDraftClaims().handle()
    logger.info({ released }, 'expired draft credit-code claims released')
  }
}
