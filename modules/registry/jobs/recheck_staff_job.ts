import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { RecheckStaff } from '../actions/recheck_staff.js'

/** Monthly: all hired staff are checked again against the prohibited-persons list (教监管厅函〔2023〕9号). */
export default class RecheckStaffJob extends Job<Record<string, never>> {
  static override options = { name: 'registry.recheck_staff', queue: 'scheduled', maxRetries: 3 }

  async execute() {
    const result = await new RecheckStaff().handle()
    logger.info(result, 'staff re-checked')
  }
}
