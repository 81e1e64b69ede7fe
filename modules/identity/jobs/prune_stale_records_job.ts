import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { PruneStaleRecords } from '../actions/prune_stale_records.js'

/** Daily: drops old codes, one-time links and rate-limit counters (retention in the action). */
export default class PruneStaleRecordsJob extends Job<Record<string, never>> {
  static override options = {
    name: 'identity.prune_stale_records',
    queue: 'scheduled',
    maxRetries: 3,
  }

  async execute() {
    const deleted = await new PruneStaleRecords().handle()
    logger.info({ deleted }, 'stale identity records pruned')
  }
}
