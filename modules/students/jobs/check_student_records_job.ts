import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import {
  CheckStudentRecord,
  claimDueChecks,
} from '../children/student_record/check_student_record.js'

/**
 * The periodic student-record check (issue 17 item 8): pending checks the
 * service did not answer, retried with a growing delay, and records last
 * checked a month ago. Each run claims a batch, so workers share the work.
 */
export default class CheckStudentRecordsJob extends Job<Record<string, never>> {
  static override options = {
    name: 'students.check_student_records',
    queue: 'scheduled',
    maxRetries: 2,
  }

  async execute() {
    const ids = await claimDueChecks()
    const answers: Record<string, number> = {}
    for (const id of ids) {
      const answer = (await new CheckStudentRecord().handle(id)) ?? 'gone'
      answers[answer] = (answers[answer] ?? 0) + 1
    }
    if (ids.length) logger.info(answers, 'student records checked')
  }
}
