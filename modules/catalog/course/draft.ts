import type Course from '../models/course.js'
import type { WeeklySlot } from './schedule.js'
import type { CourseKind, Grade } from './vocabulary.js'

/** A course as the institution describes it, before or after it is saved. */
export interface CourseDraft {
  name: string
  kind: CourseKind
  subject: string | null
  category: string | null
  grades: Grade[]
  delivery: 'offline' | 'online'
  live: boolean
  venue: string | null
  teacherIds: number[]
  teachingMode: 'one_to_one' | 'small_class' | 'large_class'
  capacity: number
  minClassSize: number
  namedTeacher: boolean
  startDate: string
  endDate: string
  slots: WeeklySlot[]
  minutesPerClass: number
  pricePerClassFen: number
  classesPerCharge: number
  homework: boolean
  /** Offers "learn first, pay later": parents may pay after each class instead of in advance. */
  payAfterClass: boolean
  refundWithinDays: number
  disputeResolution: 'court' | 'arbitration'
  arbitrationBody: string | null
  description: string
}

export function draftOf(course: Course): CourseDraft {
  return {
    name: course.name,
    kind: course.kind,
    subject: course.subject,
    category: course.category,
    grades: [...course.grades],
    delivery: course.delivery,
    live: course.live,
    venue: course.venue,
    teacherIds: [...course.teacherIds],
    teachingMode: course.teachingMode,
    capacity: course.capacity,
    minClassSize: course.minClassSize,
    namedTeacher: course.namedTeacher,
    startDate: course.startDate.toISODate()!,
    endDate: course.endDate.toISODate()!,
    slots: course.slots.map((s) => ({ ...s })),
    minutesPerClass: course.minutesPerClass,
    pricePerClassFen: course.pricePerClassFen,
    classesPerCharge: course.classesPerCharge,
    homework: course.homework,
    payAfterClass: course.payAfterClass,
    refundWithinDays: course.refundWithinDays,
    disputeResolution: course.disputeResolution,
    arbitrationBody: course.arbitrationBody,
    description: course.description,
  }
}
