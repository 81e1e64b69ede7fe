import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { sealIdNumber } from '#kernel/shared/personal_data'
import { type CurrentUser, type RequestMeta, recordAudit } from '#modules/identity'
import Child from '../models/child.js'
import ChildGuardian from '../models/child_guardian.js'
import { type ChildInput, checkProfile } from '../services/profile_rules.js'
import { CheckStudentRecord } from '../student_record/check_student_record.js'

/**
 * A parent adds a child once (issue 17): the profile passes every check
 * (profile_rules.ts) before anything is written, then the child, its first
 * guardian and the audit entry commit together. An ID that is already a
 * child (the unique blind index) is refused: the parent is asked to get an
 * invitation from the child's guardian, never told who that is. The
 * student-record check runs after commit; a service that is down leaves
 * it pending for the periodic job, never the profile unsaved.
 */
export class StoreChild {
  async handle(
    actor: Pick<CurrentUser, 'id' | 'role' | 'displayName' | 'unitName'>,
    input: ChildInput,
    meta?: RequestMeta
  ) {
    const profile = await checkProfile(input)
    const sealed = sealIdNumber(profile.id.normalized)
    await this.#refuseKnown(actor.id, sealed.index)
    let child: Child
    try {
      child = await db.transaction(async (trx) => {
        const created = await Child.create(
          {
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
            recordStatus: 'pending',
            recordDifferences: null,
            recordCheckedAt: null,
            recordAttempts: 0,
            recordNextCheckAt: DateTime.now(),
            createdByUserId: actor.id,
          },
          { client: trx }
        )
        await ChildGuardian.create(
          { childId: created.id, userId: actor.id, position: 1, relation: input.relation },
          { client: trx }
        )
        await recordAudit(
          {
            action: 'students.child_added',
            actor,
            subjectType: 'child',
            subjectId: created.id,
            regionCode: profile.lineage.countyCode,
            summary: `child ${created.id} (${sealed.masked})`,
            meta,
          },
          trx
        )
        return created
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyProfiled()
      throw error
    }
    await new CheckStudentRecord().handle(child.id).catch((error) => {
      logger.warn(
        { childId: child.id, err: (error as Error).message },
        'student-record check failed'
      )
    })
    return child
  }

  async #refuseKnown(userId: number, index: string) {
    const existing = await Child.query().where('idNumberIndex', index).select('id').first()
    if (!existing) return
    const mine = await ChildGuardian.query().where({ childId: existing.id, userId }).first()
    if (mine)
      throw new DomainError('students_children.errors.already_yours', {}, { field: 'idNumber' })
    throw alreadyProfiled()
  }
}

const alreadyProfiled = () =>
  new DomainError('students_children.errors.already_profiled', {}, { field: 'idNumber' })
