import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { ReleaseHeldFees } from '../actions/release_held_fees.js'

/** Daily: class fees a province's release schedule held back are asked about again and paid when due. */
export default class ReleaseHeldFeesJob extends Job<Record<string, never>> {
  static override options = { name: 'funds.release_held_fees', queue: 'scheduled', maxRetries: 3 }

  async execute() {
    logger.info(await new ReleaseHeldFees().handle(), 'held class fees asked about again')
  }
}
