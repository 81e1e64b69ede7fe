import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { pruneMessageLog } from '../actions/prune_message_log.js'

/** Daily: drops texts, inbox entries and development copies past their retention. */
export default class PruneMessageLogJob extends Job<Record<string, never>> {
  static override options = {
    name: 'messages.prune_message_log',
    queue: 'scheduled',
    maxRetries: 3,
  }

  async execute() {
    const deleted = await pruneMessageLog()
    logger.info({ deleted }, 'old messages pruned')
  }
}
