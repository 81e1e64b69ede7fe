import ProhibitedPerson from '../models/prohibited_person.js'
import type { CheckResult } from '../models/staff.js'

export interface AdmissionFacts {
  idNumberIndex: string
  teachesAcademic: boolean
  certificateNumber: string | null
  declaresNotServingTeacher: boolean
  hasDocuments: boolean
}

/* The order matters: the most serious reason is the one reported. */
export async function admissionCheck(facts: AdmissionFacts): Promise<CheckResult> {
  const banned = await ProhibitedPerson.query()
    .where('idNumberIndex', facts.idNumberIndex)
    .whereNull('revokedAt')
    .first()
  if (banned) return 'prohibited'
  if (!facts.declaresNotServingTeacher) return 'serving_teacher'
  if (!facts.hasDocuments) return 'missing_documents'
  if (facts.teachesAcademic && !facts.certificateNumber?.trim()) return 'no_qualification'
  return 'passed'
}
