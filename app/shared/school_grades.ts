/*
| The school system's stages and grades, shared by the modules that speak
| of pupils (catalog's courses, students' children and schools). Stages:
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
