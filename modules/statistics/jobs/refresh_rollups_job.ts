import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { refreshAllRollups, refreshDirtyRollups } from '../services/rollups.js'

/**
 * Keeps the statistics rollups fresh: every 15 minutes the regions that
 * changed (`{}`), nightly everything (`{ all: true }`, which also moves
 * deadlines that passed without any event into "overdue").
 */
export default class RefreshRollupsJob extends Job<{ all?: boolean }> {
  static override options = {
    name: 'statistics.refresh_rollups',
    queue: 'scheduled',
    maxRetries: 2,
  }

  async execute() {
    const result = this.payload.all ? await refreshAllRollups() : await refreshDirtyRollups()
    logger.info(result, 'statistics rollups refreshed')
  }
}
