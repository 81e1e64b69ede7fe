import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { ApplyComplaintDeadlines } from '../actions/apply_deadlines.js'

/** Reminders before each handling deadline and escalation after it. */
export default class ComplaintDeadlinesJob extends Job<Record<string, never>> {
  static override options = { name: 'complaints.deadlines', queue: 'scheduled', maxRetries: 3 }

  async execute() {
    logger.info(await new ApplyComplaintDeadlines().handle(), 'complaint deadlines applied')
  }
}
