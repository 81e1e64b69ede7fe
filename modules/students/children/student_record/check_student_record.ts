import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { todayIso } from '#kernel/shared/dates'
import { maskName, unseal } from '#kernel/shared/personal_data'
import type { RegionCode } from '#kernel/shared/region_code'
import { queueTexts } from '#modules/messages'
import { schoolSummary } from '../../schools/queries/school_summaries.js'
import Child, { type RecordStatus } from '../models/child.js'
import ChildGuardian from '../models/child_guardian.js'
import { gradeIn, schoolYearOf } from '../services/grade_age.js'
import { studentRecordAdapter } from './extension_point.js'
import { StudentRecordUnavailable, httpStudentRecordService } from './service.js'

/** A record that answered is asked again after this many days (a move, a new school year). */
export const RECHECK_DAYS = 30
/** Retries of a service that did not answer: 5 minutes, doubling, at most a day apart. */
export const retryDelayMinutes = (attempts: number) => Math.min(5 * 2 ** (attempts - 1), 24 * 60)

/**
 * Checks one child's profile against the student record (issue 17 item 8):
 * the adapter the province chooses (`students.student_record`), the
 * answer kept on the profile, and the guardians told of a mismatch once
 * per distinct mismatch. A service that does not answer leaves the check
 * pending with a later retry; nothing else waits on it.
 */
export class CheckStudentRecord {
  async handle(childId: number): Promise<RecordStatus | 'retry' | null> {
    const child = await Child.find(childId)
    if (!child) return null
    const grade = gradeIn(child.grade, child.gradeYear, schoolYearOf(todayIso()))
    const school = child.schoolId ? await schoolSummary(child.schoolId) : null
    const choice = await studentRecordAdapter.resolve(child.countyCode.trim() as RegionCode, {
      schoolCode: school?.code ?? null,
      grade: grade ?? 's3',
    })
    if (choice.adapter === 'none' || !grade) {
      await this.#settle(child, { result: 'not_offered' })
      return 'not_offered'
    }
    let answer
    try {
      answer = await httpStudentRecordService().check({
        idNumber: unseal(child.idNumberCipher),
        name: child.name,
        school: { code: school?.code ?? null, name: school?.name ?? child.schoolName ?? '' },
        grade,
      })
    } catch (error) {
      if (!(error instanceof StudentRecordUnavailable)) throw error
      const attempts = child.recordAttempts + 1
      await Child.query()
        .where('id', child.id)
        .where('updatedAt', child.updatedAt.toJSDate())
        .update({
          recordAttempts: attempts,
          recordNextCheckAt: DateTime.now()
            .plus({ minutes: retryDelayMinutes(attempts) })
            .toJSDate(),
        })
      return 'retry'
    }
    await this.#settle(child, answer)
    return answer.result
  }

  async #settle(
    read: Child,
    answer:
      | { result: 'found' | 'not_found' | 'not_offered' }
      | { result: 'mismatch'; differences: { field: 'school' | 'grade'; recorded: string }[] }
  ) {
    await db.transaction(async (trx) => {
      const child = await Child.query({ client: trx }).where('id', read.id).forUpdate().first()
      /* Edited while the service was asked: the edit's own check answers for it. */
      if (!child || +child.updatedAt !== +read.updatedAt) return
      const differences = answer.result === 'mismatch' ? answer.differences : null
      child.useTransaction(trx).merge({
        recordStatus: answer.result,
        recordDifferences: differences,
        recordCheckedAt: DateTime.now(),
        recordAttempts: 0,
        recordNextCheckAt: DateTime.now().plus({ days: RECHECK_DAYS }),
      })
      await child.save()
      if (!differences) return
      const guardians = await ChildGuardian.query({ client: trx }).where('childId', child.id)
      const what = createHash('sha256')
        .update(JSON.stringify(differences))
        .digest('hex')
        .slice(0, 16)
      await queueTexts(
        guardians.map((g) => ({
          kind: 'student_record_mismatch' as const,
          to: { userId: g.userId },
          params: { child: maskName(child.name) },
          key: `students.record_mismatch:${child.id}:${what}`,
          link: `/parent/children/${child.id}`,
        })),
        trx
      )
    })
  }
}

/**
 * The children whose check is due (pending retries, and records last
 * checked RECHECK_DAYS ago), claimed by pushing their next check ten
 * minutes on, so two workers never ask for the same child at once.
 */
export async function claimDueChecks(limit = 200): Promise<number[]> {
  const { rows } = await db.rawQuery(
    `UPDATE children SET record_next_check_at = now() + interval '10 minutes'
      WHERE id IN (SELECT id FROM children WHERE record_next_check_at <= now()
                    ORDER BY record_next_check_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [limit]
  )
  return rows.map((r: { id: string }) => Number(r.id))
}
