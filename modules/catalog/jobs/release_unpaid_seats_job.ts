import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { releaseUnpaidSeats } from '../services/seat_holds.js'

/** Frees the seats of contracts left unpaid past their hold (signing also does it for its own course). */
export default class ReleaseUnpaidSeatsJob extends Job<Record<string, never>> {
  static override options = {
    name: 'catalog.release_unpaid_seats',
    queue: 'scheduled',
    maxRetries: 2,
  }

  async execute() {
    const released = await releaseUnpaidSeats()
    if (released) logger.info({ released }, 'unpaid contracts released their seats')
  }
}
