import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import { ZONE, todayIso } from '#kernel/shared/dates'
import { addWorkingDays, workingDaysBetween } from '#kernel/shared/working_days'
import { institutionSummaries, remindResponsibleBureau } from '#modules/registry'
import Course from '../models/course.js'

/*
| No rule publishes how long a bureau may take to approve a course for
| sale. As for filings (registry remind_waiting_filings.ts), the nearest
| published number for deciding on a submission is the 7 working days in
| which a complaint is accepted or refused (DOMAIN-RULES.md, complaints).
*/
export const COURSE_REVIEW_WORKING_DAYS = 7

const BATCH = 500

/**
 * Daily: each course waiting for listing approval more than
 * COURSE_REVIEW_WORKING_DAYS working days since it was submitted is put,
 * once per submission, before the bureau that decides it (the
 * institution's county, or its province when online; course_policy.ts).
 */
export class RemindPendingCourses {
  async handle(today = todayIso()): Promise<number> {
    /* N working days are at least N calendar days: a cheap bound, then the exact count. */
    const bound = DateTime.fromISO(today, { zone: ZONE }).minus({
      days: COURSE_REVIEW_WORKING_DAYS,
    })
    let reminded = 0
    for (let afterId = 0; ;) {
      const pending = await Course.query()
        .where('status', 'pending')
        .where('submittedAt', '<', bound.toJSDate())
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
      if (!pending.length) break
      afterId = pending.at(-1)!.id
      const institutions = await institutionSummaries(pending.map((c) => c.institutionId))
      for (const course of pending) {
        const institution = institutions.get(course.institutionId)
        const submittedOn = course.submittedAt!.setZone(ZONE).toISODate()!
        if (!institution || institution.removed) continue
        if (workingDaysBetween(submittedOn, today) <= COURSE_REVIEW_WORKING_DAYS) continue
        try {
          reminded += await remindResponsibleBureau(institution, {
            what: `课程待审核：${course.name}（${institution.name}）`,
            due: addWorkingDays(submittedOn, COURSE_REVIEW_WORKING_DAYS),
            key: `course_pending:${course.id}:${course.submittedAt!.toMillis()}`,
            link: `/manage/courses/${course.id}`,
          })
        } catch (error) {
          logger.error({ err: error, course: course.id }, 'course review reminder failed')
        }
      }
    }
    return reminded
  }
}
