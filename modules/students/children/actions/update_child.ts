import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { sealIdNumber, unseal } from '#kernel/shared/personal_data'
import { type CurrentUser, type RequestMeta, recordAudit } from '#modules/identity'
import ChildGuardian from '../models/child_guardian.js'
import { guardedChild } from '../queries/own_children.js'
import { type ChildInput, checkProfile } from '../services/profile_rules.js'
import { CheckStudentRecord } from '../student_record/check_student_record.js'

export type ChildUpdate = Omit<ChildInput, 'idNumber'> & {
  /** Empty keeps the number on file; a new one passes the same checks as when adding. */
  idNumber?: string | null
}

/**
 * Either guardian corrects a child's profile: the same checks as when it
 * was added, against the number on file unless a new one is typed. What
 * the student-record check compared (name, ID, school, grade) changing
 * sends the profile back to pending and checks it again.
 */
export class UpdateChild {
  async handle(actor: CurrentUser, childId: unknown, input: ChildUpdate, meta?: RequestMeta) {
    const current = await guardedChild(actor.id, childId)
    const idNumber = input.idNumber?.trim() || unseal(current.idNumberCipher)
    const profile = await checkProfile({ ...input, idNumber })
    const sealed = sealIdNumber(profile.id.normalized)
    try {
      await db.transaction(async (trx) => {
        const child = await guardedChild(actor.id, current.id, trx, { forUpdate: true })
        const changed =
          child.name !== input.name.trim() ||
          child.idNumberIndex !== sealed.index ||
          child.schoolId !== profile.school.id ||
          (child.schoolName ?? null) !== (profile.school.id ? null : profile.school.name) ||
          child.grade !== profile.grade
        /* A new ID number makes the profile another child: the audit keeps both (masked). */
        const idBefore = child.idNumberIndex !== sealed.index ? child.idNumberMasked : null
        child.merge({
          name: input.name.trim(),
          idNumberCipher: sealed.cipher,
          idNumberIndex: sealed.index,
          idNumberMasked: sealed.masked,
          sex: profile.id.sex,
          birthDate: DateTime.fromISO(profile.id.birthDate),
          ...profile.lineage,
          schoolId: profile.school.id,
          schoolName: profile.school.id ? null : profile.school.name,
          grade: profile.grade,
          gradeYear: profile.schoolYear,
        })
        if (changed)
          child.merge({
            recordStatus: 'pending',
            recordDifferences: null,
            recordAttempts: 0,
            recordNextCheckAt: DateTime.now(),
          })
        child.useTransaction(trx)
        await child.save()
        await ChildGuardian.query({ client: trx })
          .where({ childId: child.id, userId: actor.id })
          .update({ relation: input.relation })
        await recordAudit(
          {
            action: 'students.child_updated',
            actor,
            subjectType: 'child',
            subjectId: child.id,
            regionCode: profile.lineage.countyCode,
            summary: `child ${child.id} (${sealed.masked})`,
            ...(idBefore
              ? { details: { idNumberBefore: idBefore, idNumberAfter: sealed.masked } }
              : {}),
            meta,
          },
          trx
        )
      })
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError(
          'students_children.errors.already_profiled',
          {},
          { field: 'idNumber' }
        )
      throw error
    }
    await new CheckStudentRecord().handle(current.id).catch((error) => {
      logger.warn(
        { childId: current.id, err: (error as Error).message },
        'student-record check failed'
      )
    })
  }
}
