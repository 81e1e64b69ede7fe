/*
| Children as their guardians and other modules see them: plain values,
| the ID masked, the school's name from the register (or as typed), and
| the grade the child is in this school year.
*/
import { todayIso } from '#kernel/shared/dates'
import type { Grade } from '#kernel/shared/school_grades'
import { regionTree } from '#modules/identity'
import { schoolSummaries } from '../../schools/queries/school_summaries.js'
import type Child from '../models/child.js'
import type { RecordDifference, RecordStatus } from '../models/child.js'
import ChildGuardian, { type Relation } from '../models/child_guardian.js'
import { gradeIn, schoolYearOf } from '../services/grade_age.js'
import { childrenOfGuardian, guardedChild } from './own_children.js'

export interface ChildSummary {
  id: number
  name: string
  idNumberMasked: string
  sex: 'male' | 'female'
  birthDate: string
  countyCode: string
  countyName: string
  /** The register's school, or null for a school not in the register. */
  schoolId: number | null
  schoolName: string
  /** The grade this school year (moved up each 1 September); null once past senior 3. */
  grade: Grade | null
  record: {
    status: RecordStatus
    differences: RecordDifference[]
    checkedAt: string | null
  }
  guardianCount: number
  /** The asking guardian's relation to the child and whether they added it (1) or joined (2). */
  relation: Relation
  position: 1 | 2
}

export async function summarize(children: Child[], userId: number): Promise<ChildSummary[]> {
  if (!children.length) return []
  const ids = children.map((c) => c.id)
  const [schools, guardians] = await Promise.all([
    schoolSummaries(children.map((c) => c.schoolId).filter((id): id is number => id !== null)),
    ChildGuardian.query().whereIn('childId', ids),
  ])
  const schoolYear = schoolYearOf(todayIso())
  return children.map((c) => {
    const mine = guardians.find((g) => g.childId === c.id && g.userId === userId)
    return {
      id: c.id,
      name: c.name,
      idNumberMasked: c.idNumberMasked,
      sex: c.sex,
      birthDate: c.birthDate.toISODate()!,
      countyCode: c.countyCode.trim(),
      countyName: regionTree.fullName(c.countyCode.trim()),
      schoolId: c.schoolId,
      schoolName: (c.schoolId ? schools.get(c.schoolId)?.name : c.schoolName) ?? '—',
      grade: gradeIn(c.grade, c.gradeYear, schoolYear),
      record: {
        status: c.recordStatus,
        differences: c.recordDifferences ?? [],
        checkedAt: c.recordCheckedAt?.toISO() ?? null,
      },
      guardianCount: guardians.filter((g) => g.childId === c.id).length,
      relation: mine?.relation ?? 'other',
      position: mine?.position ?? 1,
    }
  })
}

/** A guardian's children, in the order they were added. */
export async function childSummariesOf(userId: number): Promise<ChildSummary[]> {
  return summarize(await childrenOfGuardian(userId), userId)
}

/** One of a guardian's children; anyone else's child, or no child: 404. */
export async function childSummaryOf(userId: number, childId: unknown): Promise<ChildSummary> {
  return (await summarize([await guardedChild(userId, childId)], userId))[0]!
}
