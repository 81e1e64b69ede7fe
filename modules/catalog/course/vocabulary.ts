/*
| The words a course is described with. Stages follow the school system:
| preschool (ages 3–6: 小班、中班、大班), primary (grades 1–6), junior
| secondary (7–9) and senior secondary (10–12); primary and junior form
| compulsory education.
*/
export const STAGES = ['preschool', 'primary', 'junior', 'senior'] as const
export type Stage = (typeof STAGES)[number]

export const GRADES = [
  'k1',
  'k2',
  'k3',
  'p1',
  'p2',
  'p3',
  'p4',
  'p5',
  'p6',
  'j1',
  'j2',
  'j3',
  's1',
  's2',
  's3',
] as const
export type Grade = (typeof GRADES)[number]

const STAGE_PREFIX: Record<string, Stage> = {
  k: 'preschool',
  p: 'primary',
  j: 'junior',
  s: 'senior',
}

export function stageOf(grade: Grade): Stage {
  const stage = STAGE_PREFIX[grade.charAt(0)]
  if (!stage) throw new Error(`Grade ${grade} belongs to no stage`)
  return stage
}

export function stagesOf(grades: readonly Grade[]): Stage[] {
  return STAGES.filter((stage) => grades.some((g) => stageOf(g) === stage))
}

export const GRADES_BY_STAGE: Record<Stage, Grade[]> = Object.fromEntries(
  STAGES.map((stage) => [stage, GRADES.filter((g) => stageOf(g) === stage)])
) as Record<Stage, Grade[]>

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
