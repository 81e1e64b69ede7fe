import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/exceptions/domain_error'
import { publish } from '#kernel/shared/outbox'
import { type CurrentUser, recordAudit } from '#modules/identity'
import { type InstitutionSummary, institutionSummary, isSellable } from '#modules/registry'
import Course from '../models/course.js'
import CourseDecision, { type DecisionAction } from '../models/course_decision.js'
import { draftOf } from '../course/draft.js'
import { checkCourse } from '../services/course_rules.js'
import { CourseViolations } from './save_course.js'

/*
| Putting a course on sale. Academic courses wait for the bureau's
| approval; non-academic ones go on sale at once when the institution is
| on the white list. A course the bureau took down always goes back to
| the bureau. Only white-listed institutions sell (Art. 7).
*/

async function locked(trx: TransactionClientContract, course: Course) {
  return Course.query({ client: trx }).where('id', course.id).forUpdate().firstOrFail()
}

async function note(
  trx: TransactionClientContract,
  course: Course,
  action: DecisionAction,
  actor: CurrentUser,
  reason: string | null = null
) {
  await CourseDecision.create(
    {
      courseId: course.id,
      action,
      courseVersion: course.version,
      reason,
      actorId: actor.id,
      actorUnit: actor.unitName,
    },
    { client: trx }
  )
}

async function mustStillHold(institution: InstitutionSummary, course: Course) {
  const { violations } = await checkCourse(institution, draftOf(course))
  if (violations.length) throw new CourseViolations(violations)
}

export class SubmitCourse {
  async handle(
    actor: CurrentUser,
    institution: InstitutionSummary,
    course: Course
  ): Promise<Course> {
    if (!['draft', 'rejected', 'taken_down'].includes(course.status))
      throw new DomainError('catalog.courses.cannot_submit')
    if (!isSellable(institution)) throw new DomainError('catalog.courses.not_white')
    await mustStillHold(institution, course)
    const listed = await db.transaction(async (trx) => {
      const row = await locked(trx, course)
      if (!['draft', 'rejected', 'taken_down'].includes(row.status))
        throw new DomainError('catalog.courses.cannot_submit')
      const needsBureau = row.kind === 'academic' || row.status === 'taken_down'
      row.merge({
        status: needsBureau ? 'pending' : 'on_sale',
        submittedAt: DateTime.now(),
        listedAt: needsBureau ? row.listedAt : DateTime.now(),
        decisionReason: null,
      })
      await row.useTransaction(trx).save()
      await note(trx, row, 'submitted', actor)
      if (!needsBureau) await note(trx, row, 'listed', actor)
      await recordAudit(
        {
          action: 'catalog.course_submitted',
          actor,
          subjectType: 'course',
          subjectId: course.id,
          regionCode: institution.regionCode,
          summary: row.status,
        },
        trx
      )
      if (row.status === 'on_sale')
        await publish(trx, 'catalog:course_listed', {
          courseId: row.id,
          institutionId: row.institutionId,
          regionCode: institution.regionCode,
        })
      return row
    })
    return listed
  }
}

export class DecideCourse {
  async approve(actor: CurrentUser, course: Course): Promise<Course> {
    const institution = await institutionSummary(course.institutionId)
    if (!institution) throw new NotFoundException()
    await mustStillHold(institution, course)
    const row = await db.transaction(async (trx) => {
      const current = await locked(trx, course)
      if (current.status !== 'pending') throw new DomainError('catalog.reviews.not_pending')
      current.merge({ status: 'on_sale', listedAt: DateTime.now(), decisionReason: null })
      await current.useTransaction(trx).save()
      await note(trx, current, 'approved', actor)
      await recordAudit(
        {
          action: 'catalog.course_approved',
          actor,
          subjectType: 'course',
          subjectId: course.id,
          regionCode: institution.regionCode,
        },
        trx
      )
      await publish(trx, 'catalog:course_listed', {
        courseId: current.id,
        institutionId: current.institutionId,
        regionCode: institution.regionCode,
      })
      return current
    })
    return row
  }

  async reject(actor: CurrentUser, course: Course, reason: string): Promise<Course> {
    return this.#close(
      actor,
      course,
      reason,
      ['pending'],
      'rejected',
      'catalog.reviews.not_pending'
    )
  }

  /** The bureau takes a course off sale (or out of review) with a reason the institution and parents see. */
  async takeDown(actor: CurrentUser, course: Course, reason: string): Promise<Course> {
    return this.#close(
      actor,
      course,
      reason,
      ['on_sale', 'pending'],
      'taken_down',
      'catalog.reviews.not_on_sale'
    )
  }

  async #close(
    actor: CurrentUser,
    course: Course,
    reason: string,
    from: string[],
    to: 'rejected' | 'taken_down',
    refusal: string
  ) {
    const institution = await institutionSummary(course.institutionId)
    return db.transaction(async (trx) => {
      const current = await locked(trx, course)
      if (!from.includes(current.status)) throw new DomainError(refusal)
      current.merge({ status: to, decisionReason: reason })
      await current.useTransaction(trx).save()
      await note(trx, current, to, actor, reason)
      await recordAudit(
        {
          action: `catalog.course_${to}`,
          actor,
          subjectType: 'course',
          subjectId: course.id,
          regionCode: institution?.regionCode,
          summary: reason,
        },
        trx
      )
      if (to === 'taken_down' && institution) {
        await publish(trx, 'catalog:course_taken_down', {
          courseId: current.id,
          institutionId: current.institutionId,
          regionCode: institution.regionCode,
          reason,
        })
      }
      return current
    })
  }
}
