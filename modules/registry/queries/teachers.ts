import Staff from '../models/staff.js'

/** What another module may know of an institution's teacher (for course rules and pages). */
export interface TeacherFacts {
  id: number
  name: string
  /** Hired and passed the admission check (教监管厅函〔2023〕9号). */
  admitted: boolean
  teachesAcademic: boolean
  subjects: string[]
  /** Teacher qualification certificate number (教师资格证), when the teacher holds one. */
  certificateNumber: string | null
  hasPhoto: boolean
}

function factsOf(s: Staff): TeacherFacts {
  return {
    id: s.id,
    name: s.name,
    admitted: s.status === 'hired' && s.checkResult === 'passed',
    teachesAcademic: s.teachesAcademic,
    subjects: [...s.subjects],
    certificateNumber: s.certificateNumber?.trim() || null,
    hasPhoto: !!s.photoDocumentId,
  }
}

/** The institution's teaching staff, or only the ones asked for (ids of another institution are left out). */
export async function teachersOf(institutionId: number, ids?: number[]): Promise<TeacherFacts[]> {
  const query = Staff.query().where('institutionId', institutionId).where('role', 'teaching')
  if (ids) {
    if (!ids.length) return []
    query.whereIn('id', ids)
  } else {
    query.where('status', 'hired')
  }
  return (await query.orderBy('id')).map(factsOf)
}
