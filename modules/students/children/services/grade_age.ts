/*
| Is a grade possible at the child's age? In China a child starts primary
| school in the September after turning six (义务教育法 第十一条: 凡年满
| 六周岁的儿童… 入学; most provinces count the age on 31 August), and
| moves up one grade each school year, which starts on 1 September. So the
| usual age on 1 September of the school year is 3 in k1 (小班), 6 in p1,
| 12 in j1 and 15 in s1, one more per grade. A child may be a year ahead
| (an early start, a skipped grade) or up to two years behind (a late
| start, a repeated year, a year abroad), so the plausible band of a grade
| is its usual age minus one to plus two: p1 at 5–8, p6 at 10–13, s3 at
| 16–19. Outside the band the grade is refused, as a typing slip far more
| often than a real child; a real exception is for the student-record
| check and the school to settle, not this form.
*/
import { GRADES, type Grade } from '#kernel/shared/school_grades'

const USUAL_AGE: Record<Grade, number> = Object.fromEntries(
  GRADES.map((grade, i) => [grade, 3 + i])
) as Record<Grade, number>

export const YEARS_AHEAD = 1
export const YEARS_BEHIND = 2

/** The school year a date falls in, by the calendar year of its 1 September. */
export function schoolYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4))
  return isoDate.slice(5) >= '09-01' ? year : year - 1
}

/** Whole years of age on 1 September of `schoolYear`. */
export function ageOnFirstSeptember(birthDate: string, schoolYear: number): number {
  const [y, md] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)]
  return schoolYear - y - (md > '09-01' ? 1 : 0)
}

export function ageBandOf(grade: Grade): { from: number; to: number } {
  const usual = USUAL_AGE[grade]
  return { from: usual - YEARS_AHEAD, to: usual + YEARS_BEHIND }
}

export function gradeFitsAge(grade: Grade, birthDate: string, schoolYear: number): boolean {
  const age = ageOnFirstSeptember(birthDate, schoolYear)
  const band = ageBandOf(grade)
  return age >= band.from && age <= band.to
}

/**
 * The grade a child is in during `schoolYear`, when they were in `grade`
 * during `gradeYear`: one up per school year since; null once past s3.
 */
export function gradeIn(grade: Grade, gradeYear: number, schoolYear: number): Grade | null {
  const at = GRADES.indexOf(grade) + Math.max(0, schoolYear - gradeYear)
  return GRADES[at] ?? null
}
