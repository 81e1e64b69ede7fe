import { formatYuan } from '#kernel/shared/money'
import { contractParty, institutionSummary, teachersOf } from '#modules/registry'
import type Course from '../models/course.js'
import { classMeetings, slotWindows } from '../course/schedule.js'

/** Everything a course page shows: fees in full, the timetable, the teachers, the institution. */
export async function courseView(course: Course) {
  const windows = slotWindows(course.slots, course.minutesPerClass)
  const [institution, party, teachers] = [
    await institutionSummary(course.institutionId),
    await contractParty(course.institutionId),
    await teachersOf(course.institutionId, course.teacherIds),
  ]
  return {
    course,
    owner: institution,
    party,
    teachers,
    windows,
    classes: classMeetings(course.startDate.toISODate()!, course.endDate.toISODate()!, windows),
    fees: {
      perClass: formatYuan(course.pricePerClassFen),
      total: formatYuan(course.totalFen),
      perCharge: formatYuan(course.perChargeFen),
      classesCharged: course.classesCharged,
      paidAtOnce: course.paidAtOnce,
    },
  }
}
