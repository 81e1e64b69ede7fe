import { DateTime } from 'luxon'
import { NATIONAL_CHARGE_LIMITS } from '../../extension_points.js'
import { classMeetings, slotWindows, type WeeklySlot } from '../../course/schedule.js'
import { stagesOf, type Grade } from '../../course/vocabulary.js'
import type { CourseFacts, CourseTeacherFacts } from '../../rules/course_facts.js'

export const TEACHER: CourseTeacherFacts = {
  id: 1,
  name: '李老师',
  admitted: true,
  certificateNumber: '20232200000001',
  hasPhoto: true,
}

export interface FactsInput extends Partial<Omit<CourseFacts, 'slots' | 'classes' | 'stages'>> {
  weekly?: WeeklySlot[]
}

/** Facts of a compliant course (offline arts, Saturdays 09:00, 60 minutes, 12 weeks), changed as asked. */
export function facts(input: FactsInput = {}): CourseFacts {
  const { weekly, ...rest } = input
  const startDate = rest.startDate ?? '2027-03-06'
  const endDate = rest.endDate ?? DateTime.fromISO(startDate).plus({ weeks: 11 }).toISODate()!
  const minutes = rest.minutesPerClass ?? 60
  const slots = slotWindows(weekly ?? [{ weekday: 6, start: '09:00' }], minutes)
  const grades = (rest.grades ?? ['p3', 'p4']) as Grade[]
  return {
    kind: 'non_academic',
    subject: null,
    category: 'arts',
    delivery: 'offline',
    live: false,
    pricePerClassFen: 100_00,
    classesPerCharge: 12,
    capacity: 12,
    homework: false,
    teachers: [TEACHER],
    institution: { delivery: rest.delivery ?? 'offline', categories: ['arts', 'academic'] },
    chargeLimits: { ...NATIONAL_CHARGE_LIMITS },
    ...rest,
    grades,
    stages: stagesOf(grades),
    startDate,
    endDate,
    minutesPerClass: minutes,
    slots,
    classes: classMeetings(startDate, endDate, slots),
  }
}

export const rulesOf = (violations: { rule: string }[]) => violations.map((v) => v.rule)
