import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { RecomputeDueLists } from '../actions/recompute_due_lists.js'

/** Daily, after midnight Beijing time: deadlines that passed and licences that expired move institutions between lists. */
export default class RecomputeListsJob extends Job<Record<string, never>> {
  static override options = { name: 'registry.recompute_lists', queue: 'scheduled', maxRetries: 3 }

  async execute() {
    const changed = await new RecomputeDueLists().handle()
    logger.info({ changed }, 'list statuses recomputed')
  }
}
