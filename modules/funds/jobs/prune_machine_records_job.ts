import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { PruneMachineRecords } from '../actions/prune_machine_records.js'

/** Nightly: channel notices, bank API requests and unverified-request counts past their retention (prune_machine_records.ts). */
export default class PruneMachineRecordsJob extends Job<Record<string, never>> {
  static override options = {
    name: 'funds.prune_machine_records',
    queue: 'scheduled',
    maxRetries: 3,
  }

  async execute() {
    logger.info(await new PruneMachineRecords().handle(), 'funds machine records pruned')
  }
}
