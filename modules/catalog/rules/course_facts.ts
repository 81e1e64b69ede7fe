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
  /** The course's kind: academic (学科类) or non-academic (非学科类). */
  kind: 'academic' | 'non_academic'
  /** How the course is taught: on site (offline) or online. */
  delivery: 'offline' | 'online'
}

export interface CourseTeacherFacts {
  /** The teacher's staff record in the institution's filing (what the course's teacher ids name). */
  id: number
  /** The teacher's name, as filed with the staff record. */
  name: string
  /** Hired and passed the admission check (a teacher who left or failed it is false). */
  admitted: boolean
  /** Teacher qualification certificate number (教师资格证), as filed; null when none is recorded. */
  certificateNumber: string | null
  /** A photo of the teacher is filed with the staff record. */
  hasPhoto: boolean
}

/**
 * Everything a course rule may look at, with the timetable already worked
 * out (slot end times, the date of every class), so that rules stay simple.
 */
export interface CourseFacts {
  /** Academic (学科类) or non-academic (非学科类). */
  kind: 'academic' | 'non_academic'
  /**
   * An academic course's subject: chinese, maths, english, physics,
   * chemistry, biology, politics, history, geography or other. Read it only
   * when `kind` is academic (a non-academic course is saved without one).
   */
  subject: string | null
  /**
   * A non-academic course's category: sports, arts, science_tech or other.
   * Read it only when `kind` is non_academic (an academic course is saved
   * without one).
   */
  category: string | null
  /** The grades the course is for: k1–k3 preschool, p1–p6 primary, j1–j3 junior, s1–s3 senior. */
  grades: string[]
  /**
   * The school stages of those grades, in school order: preschool, primary,
   * junior, senior (primary and junior are compulsory education).
   */
  stages: string[]
  /** How the course is taught: on site (offline) or online. */
  delivery: 'offline' | 'online'
  /** Online only: taught live (直播) rather than recorded; always false offline. */
  live: boolean
  /** The course's first day, YYYY-MM-DD (a calendar day in Asia/Shanghai); the first class is on or after it. */
  startDate: string
  /** The course's last day, YYYY-MM-DD (Asia/Shanghai), inclusive; on or after `startDate`, at most 366 days later. */
  endDate: string
  /** The length of every class, in minutes (1–240); one class is one class hour (课时) of the charge caps. */
  minutesPerClass: number
  /** The weekly timetable, each slot with its end worked out, by weekday then start time. */
  slots: SlotWindow[]
  /** Every class from `startDate` to `endDate`, in order; empty when no slot's weekday falls between them. */
  classes: ClassMeeting[]
  /** The price of one class, in fen (8000 = 80 yuan). */
  pricePerClassFen: number
  /** How many classes one charge (one order) pays for; a course with fewer is paid in one charge. */
  classesPerCharge: number
  /** The most pupils one class takes (1 for one-to-one teaching). */
  capacity: number
  /** The institution says the course sets homework. */
  homework: boolean
  /**
   * The course's teachers, from the institution's teaching staff (a chosen id
   * the institution does not employ is left out; the platform reports it).
   */
  teachers: CourseTeacherFacts[]
  /** The institution giving the course, as filed. */
  institution: {
    /** Filed as teaching on site (offline) or online. */
    delivery: 'offline' | 'online'
    /** What it filed to teach: academic, and the non-academic categories sports, arts, science_tech, other. */
    categories: string[]
  }
  /** The caps on one charge in the institution's region for this kind and delivery (`catalog.charge.limits`). */
  chargeLimits: ChargeLimits
}
