/*
| What a contract takes from a child's profile (issue 17 item 9): the
| student's name, full ID number (the contract seals its own frozen copy),
| school name and this school year's grade, for one of the signing
| parent's children only. Another parent's child is not found (404).
*/
import { unseal } from '#kernel/shared/personal_data'
import type { Grade } from '#kernel/shared/school_grades'
import type { Relation } from '../models/child_guardian.js'
import { summarize } from './child_summaries.js'
import { guardedChild } from './own_children.js'

export interface ContractStudent {
  childId: number
  name: string
  /** The full number, for the contract's own sealed copy; never shown or logged. */
  idNumber: string
  idNumberMasked: string
  schoolName: string
  /** Null once the child is past senior 3. */
  grade: Grade | null
  /** The signing guardian's relation to the child. */
  relation: Relation
}

export async function contractStudent(userId: number, childId: unknown): Promise<ContractStudent> {
  const child = await guardedChild(userId, childId)
  const [summary] = await summarize([child], userId)
  return {
    childId: child.id,
    name: child.name,
    idNumber: unseal(child.idNumberCipher),
    idNumberMasked: child.idNumberMasked,
    schoolName: summary!.schoolName,
    grade: summary!.grade,
    relation: summary!.relation,
  }
}
