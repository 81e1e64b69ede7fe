import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { sealIdNumber } from '#kernel/shared/personal_data'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Institution from '../models/institution.js'
import Staff, { type CheckResult } from '../models/staff.js'
import { storeDocument } from '../services/documents.js'
import { admissionCheck } from '../services/admission_check.js'
import { assertMayCheckStaff, consumeAdmissionCheck } from '../services/admission_limits.js'

export interface AddStaffInput {
  name: string
  idNumber: string
  role: 'teaching' | 'research' | 'other'
  subjects: string[]
  teachesAcademic: boolean
  certificateNumber?: string | null
  declaresNotServingTeacher: boolean
  photo?: MultipartFile | null
  consent: MultipartFile
  idCopy: MultipartFile
  noCrime: MultipartFile
}

/**
 * Adds a prospective staff member after the admission check
 * (教监管厅函〔2023〕9号): consent, ID and no-crime certificate on file,
 * not on the prohibited-persons list, not a serving state-school teacher,
 * and a teacher qualification for academic teaching. A failed check keeps
 * the record, blocked, with the reason and the date. Only a filed
 * institution may check, a limited number of times a day, and every check
 * is in the audit log.
 */
export class AddStaff {
  async handle(
    actor: CurrentUser,
    institution: Institution,
    input: AddStaffInput
  ): Promise<{ staff: Staff; result: CheckResult }> {
    assertMayCheckStaff(institution)
    await consumeAdmissionCheck(actor.id, institution.id)
    const sealed = sealIdNumber(input.idNumber)
    const store = (file: MultipartFile | null | undefined, kind: string) =>
      file ? storeDocument(file, institution.id, kind, actor.id) : Promise.resolve(null)
    const [photo, consent, idCopy, noCrime] = [
      await store(input.photo, 'staff_photo'),
      await store(input.consent, 'staff_consent'),
      await store(input.idCopy, 'staff_id'),
      await store(input.noCrime, 'staff_no_crime'),
    ]
    const result = await admissionCheck({
      idNumberIndex: sealed.index,
      teachesAcademic: input.teachesAcademic,
      certificateNumber: input.certificateNumber ?? null,
      declaresNotServingTeacher: input.declaresNotServingTeacher,
      hasDocuments: !!(consent && idCopy && noCrime),
    })
    const now = DateTime.now()
    const staff = await db.transaction(async (trx) => {
      const row = await Staff.create(
        {
          institutionId: institution.id,
          name: input.name.trim(),
          idNumberCipher: sealed.cipher,
          idNumberIndex: sealed.index,
          idNumberMasked: sealed.masked,
          role: input.role,
          subjects: input.subjects,
          teachesAcademic: input.teachesAcademic,
          certificateNumber: input.certificateNumber?.trim() || null,
          photoDocumentId: photo?.id ?? null,
          consentDocumentId: consent?.id ?? null,
          idDocumentId: idCopy?.id ?? null,
          noCrimeDocumentId: noCrime?.id ?? null,
          declaresNotServingTeacher: input.declaresNotServingTeacher,
          status: result === 'passed' ? 'hired' : 'blocked',
          checkResult: result,
          checkedAt: now,
        },
        { client: trx }
      )
      await trx
        .table('staff_checks')
        .insert({ staff_id: row.id, result, trigger: 'hire', checked_at: now.toSQL() })
      /* The check and its audit entry commit together: no look-up goes unrecorded. */
      await recordAudit(
        {
          action: 'registry.staff_checked',
          actor,
          subjectType: 'staff',
          subjectId: row.id,
          regionCode: institution.regionCode,
          summary: `${row.idNumberMasked} ${result}`,
        },
        trx
      )
      return row
    })
    return { staff, result }
  }
}
