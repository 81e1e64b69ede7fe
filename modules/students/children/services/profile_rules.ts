/*
| The checks a child's profile passes before it is written, added or
| edited: a valid ID (check digit, a real birth date), the birth date the
| guardian typed (when they typed one) equal to the ID's, a county, a
| school of that county's register that is open and teaches the grade's
| stage (or a school not in the register, by name), and a grade plausible
| at the child's age (grade_age.ts). Each refusal names its field; nothing
| is written before all of them pass.
*/
import { DomainError } from '#kernel/exceptions/domain_error'
import { todayIso } from '#kernel/shared/dates'
import { type Grade, stageOf } from '#kernel/shared/school_grades'
import { regionTree } from '#modules/identity'
import { schoolSummary } from '../../schools/queries/school_summaries.js'
import type { Relation } from '../models/child_guardian.js'
import { type ResidentIdFacts, readResidentId } from './resident_id.js'
import { ageBandOf, gradeFitsAge, schoolYearOf } from './grade_age.js'

export interface ChildInput {
  name: string
  idNumber: string
  /** Optional: when given, it must be the ID's birth date. */
  birthDate?: string | null
  /** The county (6 digits) the school is in, as the guardian chose it. */
  countyCode: string
  /** A school of the register; or null with `schoolName` for one not in it. */
  schoolId: number | null
  schoolName?: string | null
  grade: Grade
  relation: Relation
}

export interface CheckedProfile {
  id: ResidentIdFacts
  lineage: { countyCode: string; cityCode: string | null; provinceCode: string }
  school: { id: number; name: string; code: string } | { id: null; name: string }
  grade: Grade
  schoolYear: number
}

const refuse = (key: string, field: string, data: Record<string, unknown> = {}) =>
  new DomainError(`students_children.errors.${key}`, data, { field })

export async function checkProfile(input: ChildInput, today = todayIso()): Promise<CheckedProfile> {
  const read = readResidentId(input.idNumber, today)
  if (!read.ok) throw refuse(`id_${read.problem}`, 'idNumber')
  if (input.birthDate && input.birthDate !== read.facts.birthDate)
    throw refuse('birth_date_differs', 'birthDate')

  const county = regionTree.get(input.countyCode)
  if (!county || county.level !== 3) throw refuse('county', 'countyCode')
  const ancestors = regionTree.ancestors(county.code)
  const lineage = {
    countyCode: county.code,
    cityCode: ancestors.find((r) => r.level === 2)?.code ?? null,
    provinceCode: ancestors.find((r) => r.level === 1)!.code,
  }

  let school: CheckedProfile['school']
  if (input.schoolId) {
    const found = await schoolSummary(input.schoolId)
    if (!found || !found.open || found.countyCode !== county.code)
      throw refuse('school_not_in_county', 'school', { county: county.name })
    if (!found.stages.includes(stageOf(input.grade)))
      throw refuse('school_stage', 'school', { school: found.name })
    school = { id: found.id, name: found.name, code: found.code }
  } else {
    const name = input.schoolName?.trim() ?? ''
    if (name.length < 2) throw refuse('school_name', 'schoolName')
    school = { id: null, name }
  }

  const schoolYear = schoolYearOf(today)
  if (!gradeFitsAge(input.grade, read.facts.birthDate, schoolYear)) {
    const band = ageBandOf(input.grade)
    throw refuse('grade_age', 'grade', { from: band.from, to: band.to, year: schoolYear })
  }
  return { id: read.facts, lineage, school, grade: input.grade, schoolYear }
}
