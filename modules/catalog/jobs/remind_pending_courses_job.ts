import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { RemindPendingCourses } from '../actions/remind_pending_courses.js'

/** Daily: courses left waiting for listing approval are put before the bureau that decides them. */
export default class RemindPendingCoursesJob extends Job<Record<string, never>> {
  static override options = {
    name: 'catalog.remind_pending_courses',
    queue: 'scheduled',
    maxRetries: 3,
  }

  async execute() {
    const reminded = await new RemindPendingCourses().handle()
    logger.info({ reminded }, 'pending course reminders sent')
  }
}
