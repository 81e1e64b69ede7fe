import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { drainOutbox, pruneDeliveredOutbox } from '../shared/outbox_drain.js'

/**
 * Delivers outbox events: queued after each commit that published one, and
 * scheduled every minute as a sweep (`{ sweep: true }`) for retries and for
 * anything a crash left behind.
 */
export default class OutboxDrainJob extends Job<{ sweep?: boolean }> {
  static override options = { name: 'kernel.outbox_drain', queue: 'default', maxRetries: 0 }

  async execute() {
    const result = await drainOutbox()
    if (this.payload.sweep) {
      const pruned = await pruneDeliveredOutbox()
      if (result.delivered || result.failed || pruned)
        logger.info({ ...result, pruned }, 'outbox swept')
    }
  }
}

export async function scheduleOutboxSweep() {
  await OutboxDrainJob.schedule({ sweep: true })
    .id('kernel.outbox_sweep')
    .cron('* * * * *')
    .timezone('Asia/Shanghai')
    .run()
}
