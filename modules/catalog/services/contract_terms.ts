/*
| What a parent is about to sign: the current template filled with the
| course, the institution and the student. Its hash is shown with the
| preview and checked again at signing, so a parent never signs terms
| that changed after they read them.
*/
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { maskIdNumber } from '#kernel/shared/personal_data'
import { todayIso } from '#kernel/shared/dates'
import type { CurrentUser } from '#modules/identity'
import { contractStudent, readResidentId } from '#modules/students'
import {
  type ContractParty,
  type InstitutionSummary,
  contractParty,
  institutionSummary,
  isSellable,
  teachersOf,
} from '#modules/registry'
import type Course from '../models/course.js'
import type ContractTemplate from '../models/contract_template.js'
import { draftOf } from '../course/draft.js'
import { contractFacts, timetableOf } from '../contracts/facts.js'
import { type RenderedContract, render, sha256Of } from '../contracts/template.js'
import { checkCourse } from './course_rules.js'
import { currentTemplate } from './templates.js'
import { salesFrozen } from './sales_freezes.js'

export interface StudentInput {
  /** One of the parent's children: the student's name, ID, school and grade then come from the profile. */
  childId?: number | null
  studentName: string
  studentIdNumber: string
  studentSchool: string
  studentGrade: string
  guardianName: string
  guardianRelation: string
}

export interface ContractTerms {
  template: ContractTemplate
  institution: InstitutionSummary
  party: ContractParty
  body: RenderedContract
  previewHash: string
  /** The student the contract names: the child's profile when one was picked, else what was typed. */
  student: StudentInput
}

/**
 * The student of a contract: a picked child's profile (issue 17) replaces
 * whatever was typed for name, ID, school and grade; another parent's
 * child is not found. The guardian's name and relation stay as typed.
 */
export async function resolveStudent(
  actor: CurrentUser,
  input: StudentInput
): Promise<StudentInput> {
  if (!input.childId) return { ...input, childId: null }
  const child = await contractStudent(actor.id, input.childId)
  return {
    ...input,
    childId: child.childId,
    studentName: child.name,
    studentIdNumber: child.idNumber,
    studentSchool: child.schoolName,
    studentGrade: child.grade ?? '',
  }
}

/**
 * Can this course be bought today? Checked when the contract is shown and
 * again when it is signed, and by the funds module before each charge.
 * `continuing`: a charge under a contract already paid for, which a sales
 * freeze does not stop (only new sales stop).
 */
export async function assertSaleable(course: Course, options: { continuing?: boolean } = {}) {
  if (course.status !== 'on_sale') throw new DomainError('catalog.contracts.not_on_sale')
  const institution = await institutionSummary(course.institutionId)
  if (!institution || !isSellable(institution))
    throw new DomainError('catalog.contracts.institution_not_white')
  if (!options.continuing && (await salesFrozen(course.institutionId)))
    throw new DomainError('catalog.contracts.sales_frozen')
  const { violations, limits, classes } = await checkCourse(institution, draftOf(course))
  if (violations.length) throw new DomainError('catalog.contracts.course_breaks_rules')
  const today = todayIso()
  if (course.endDate.toISODate()! < today) throw new DomainError('catalog.contracts.course_ended')
  const opens = course.startDate.minus({ months: limits.maxMonthsAhead }).toISODate()!
  if (today < opens)
    throw new DomainError('catalog.contracts.too_early', {
      date: opens,
      months: limits.maxMonthsAhead,
    })
  return { institution, limits, classes }
}

/*
| The child's age, read from the ID number, whatever grade was typed:
| the platform serves children from 3 (Measures Art. 3: "3至6岁学龄前儿童
| 和中小学生"), and a child not yet 6 (school age under the Compulsory
| Education Law, Art. 11) is preschool, for whom academic and online
| training are forbidden (the same rules courses are checked against).
*/
export function assertAgeFits(course: Course, idNumber: string, today = todayIso()) {
  const id = readResidentId(idNumber, today)
  if (!id.ok) return
  const [by, bm, bd] = id.facts.birthDate.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
  const field = { field: 'studentIdNumber' }
  if (age < 3) throw new DomainError('catalog.contracts.under_three', {}, field)
  if (age < 6 && course.kind === 'academic')
    throw new DomainError('catalog.contracts.preschool_academic', {}, field)
  if (age < 6 && course.delivery === 'online')
    throw new DomainError('catalog.contracts.preschool_online', {}, field)
}

export async function contractTerms(
  actor: CurrentUser,
  course: Course,
  typed: StudentInput
): Promise<ContractTerms> {
  const { institution, limits, classes } = await assertSaleable(course)
  const input = await resolveStudent(actor, typed)
  if (!course.grades.includes(input.studentGrade as any))
    throw new DomainError('catalog.contracts.grade_not_covered', {}, { field: 'studentGrade' })
  assertAgeFits(course, input.studentIdNumber)
  const [template, party, teachers] = await Promise.all([
    currentTemplate(),
    contractParty(course.institutionId),
    teachersOf(course.institutionId, course.teacherIds),
  ])
  if (!party) throw new NotFoundException()
  const facts = contractFacts({
    course,
    party,
    teachers,
    limits,
    template,
    parties: {
      student: {
        name: input.studentName,
        idMasked: maskIdNumber(input.studentIdNumber),
        school: input.studentSchool,
        grade: input.studentGrade,
      },
      guardian: {
        name: input.guardianName,
        relation: input.guardianRelation,
        phoneMasked: actor.phoneMasked ?? '—',
      },
    },
  })
  const body = render(template, facts, timetableOf(classes))
  return { template, institution, party, body, previewHash: sha256Of(body), student: input }
}

export function signingTime(now = DateTime.now()): string {
  return now.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm:ss')
}
