/*
| Test helpers other modules' tests may use (`#testing/catalog`).
*/
import { DateTime } from 'luxon'
import { todayIso } from '#kernel/shared/dates'
import Course from './models/course.js'
import type { CourseDraft } from './course/draft.js'
import type { CourseStatus } from './course/vocabulary.js'
import { stagesOf } from './course/vocabulary.js'
import { classMeetings, slotWindows } from './course/schedule.js'

const inDays = (days: number) => DateTime.fromISO(todayIso()).plus({ days }).toISODate()!

/** A course that meets every national rule: offline arts, Saturdays, 12 classes, starting in a week. */
export function courseDraft(overrides: Partial<CourseDraft> = {}): CourseDraft {
  return {
    name: '少儿美术启蒙班',
    kind: 'non_academic',
    subject: null,
    category: 'arts',
    grades: ['p1', 'p2'],
    delivery: 'offline',
    live: false,
    venue: '解放大路 100 号 3 楼',
    teacherIds: [],
    teachingMode: 'small_class',
    capacity: 12,
    minClassSize: 3,
    namedTeacher: true,
    startDate: inDays(7),
    endDate: inDays(7 + 7 * 11),
    slots: [{ weekday: DateTime.fromISO(inDays(7)).weekday, start: '09:00' }],
    minutesPerClass: 60,
    pricePerClassFen: 120_00,
    classesPerCharge: 12,
    homework: false,
    refundWithinDays: 7,
    disputeResolution: 'court',
    arbitrationBody: null,
    description: '小班教学，注重兴趣培养和基础训练。',
    ...overrides,
  }
}

/** The course form as a browser posts it (price in yuan, dates as text). */
export function courseForm(draft: CourseDraft): Record<string, any> {
  const { pricePerClassFen, live, namedTeacher, homework, subject, category, arbitrationBody, ...rest } = draft
  return {
    ...rest,
    ...(subject ? { subject } : {}),
    ...(category ? { category } : {}),
    ...(arbitrationBody ? { arbitrationBody } : {}),
    ...(live ? { live: 'true' } : {}),
    ...(namedTeacher ? { namedTeacher: 'true' } : {}),
    ...(homework ? { homework: 'true' } : {}),
    pricePerClass: (pricePerClassFen / 100).toFixed(2),
  }
}

/** A course written straight to the table, in any status (for tests of later steps). */
export async function createCourse(institutionId: number, draft: CourseDraft, status: CourseStatus = 'on_sale') {
  const classes = classMeetings(draft.startDate, draft.endDate, slotWindows(draft.slots, draft.minutesPerClass))
  return Course.create({
    ...draft,
    institutionId,
    startDate: DateTime.fromISO(draft.startDate),
    endDate: DateTime.fromISO(draft.endDate),
    stages: stagesOf(draft.grades),
    classCount: classes.length,
    status,
    version: 1,
    listedAt: status === 'on_sale' ? DateTime.now() : null,
  })
}
