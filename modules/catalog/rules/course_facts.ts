import type { ClassMeeting, SlotWindow } from '../course/schedule.js'

/** Caps on one charge (教监管函〔2021〕2号); a province may set its own through `catalog.charge.limits`. */
export interface ChargeLimits {
  /** Class hours one charge may cover (60). */
  maxClasses: number
  /** Months one charge may cover (3). */
  maxMonths: number
  /** Fen one charge may take (500,000 = 5,000 yuan). */
  maxFen: number
  /** How long before the course starts fees may be taken, in months (1). */
  maxMonthsAhead: number
  /** A per-hour renewal may be charged only when this many classes or fewer remain unconsumed (20). */
  renewWhenClassesLeft: number
}

export interface ChargeLimitsInput {
  kind: 'academic' | 'non_academic'
  delivery: 'offline' | 'online'
}

export interface CourseTeacherFacts {
  id: number
  name: string
  /** Hired and passed the admission check. */
  admitted: boolean
  certificateNumber: string | null
  hasPhoto: boolean
}

/**
 * Everything a course rule may look at, with the timetable already worked
 * out (slot end times, the date of every class), so that rules stay simple.
 */
export interface CourseFacts {
  kind: 'academic' | 'non_academic'
  subject: string | null
  category: string | null
  /** k1–k3 preschool, p1–p6 primary, j1–j3 junior, s1–s3 senior. */
  grades: string[]
  stages: string[]
  delivery: 'offline' | 'online'
  /** Online only: taught live (直播) rather than recorded. */
  live: boolean
  startDate: string
  endDate: string
  minutesPerClass: number
  slots: SlotWindow[]
  classes: ClassMeeting[]
  pricePerClassFen: number
  classesPerCharge: number
  capacity: number
  homework: boolean
  teachers: CourseTeacherFacts[]
  institution: { delivery: 'offline' | 'online'; categories: string[] }
  chargeLimits: ChargeLimits
}
