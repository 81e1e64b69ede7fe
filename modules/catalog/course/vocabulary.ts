/*
| The words a course is described with. Stages and grades are the school
| system's, kept in the kernel (`#kernel/shared/school_grades`) because
| the students module speaks of them too.
*/
export {
  STAGES,
  GRADES,
  GRADES_BY_STAGE,
  stageOf,
  stagesOf,
  type Stage,
  type Grade,
} from '#kernel/shared/school_grades'

export const KINDS = ['academic', 'non_academic'] as const
export type CourseKind = (typeof KINDS)[number]

/** Academic subjects (学科类), as in the filing. */
export const SUBJECTS = [
  'chinese',
  'maths',
  'english',
  'physics',
  'chemistry',
  'biology',
  'politics',
  'history',
  'geography',
  'other',
] as const

/** Non-academic categories (非学科类) of the filing; "academic" is the kind above. */
export const CATEGORIES = ['sports', 'arts', 'science_tech', 'other'] as const

/** GF-2021-2604: one-to-one, small class (with a cap) or large class. */
export const TEACHING_MODES = ['one_to_one', 'small_class', 'large_class'] as const

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

export const COURSE_STATUSES = ['draft', 'pending', 'on_sale', 'rejected', 'taken_down'] as const
export type CourseStatus = (typeof COURSE_STATUSES)[number]
