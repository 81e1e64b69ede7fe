import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { RemindWaitingFilings } from '../actions/remind_waiting_filings.js'
import { RemindRectificationsDue } from '../actions/remind_rectifications_due.js'
import { RemindOverdueRectifications } from '../actions/remind_overdue_rectifications.js'

/** Daily, each once per case: filings waiting for review and overdue rectifications to the bureau, rectifications due soon to the institution. */
export default class SendRemindersJob extends Job<Record<string, never>> {
  static override options = { name: 'registry.send_reminders', queue: 'scheduled', maxRetries: 3 }

  async execute() {
    const filings = await new RemindWaitingFilings().handle()
    const due = await new RemindRectificationsDue().handle()
    const overdue = await new RemindOverdueRectifications().handle()
    logger.info({ filings, due, overdue }, 'registry reminders sent')
  }
}
