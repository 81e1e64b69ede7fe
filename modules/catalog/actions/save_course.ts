import db from '@adonisjs/lucid/services/db'
import type { Violation } from '#plugin_sdk'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import { type InstitutionSummary, contractParty } from '#modules/registry'
import Course from '../models/course.js'
import type { CourseDraft } from '../course/draft.js'
import { stagesOf } from '../course/vocabulary.js'
import { checkCourse } from '../services/course_rules.js'

/** The course breaks rules: which, from which authority, and how to fix them. Nothing was written. */
export class CourseViolations extends Error {
  constructor(readonly violations: Violation[]) {
    super(violations.map((v) => v.rule).join(', '))
  }
}

/**
 * Creates or edits a course. Every rule for the institution's region runs
 * first; a course that breaks one is not saved. An edit takes a course off
 * sale (or out of review) until it is submitted again, and bumps its
 * version, so a contract always names the terms it was signed on.
 */
export class SaveCourse {
  async handle(
    actor: CurrentUser,
    institution: InstitutionSummary,
    draft: CourseDraft,
    existing?: Course
  ): Promise<Course> {
    if (!institution.filed) throw new DomainError('catalog.courses.not_filed')
    await this.#checkFacts(institution, draft)
    const { violations, classes } = await checkCourse(institution, draft)
    if (violations.length) throw new CourseViolations(violations)

    const values = {
      ...draft,
      startDate: draft.startDate as any,
      endDate: draft.endDate as any,
      subject: draft.kind === 'academic' ? draft.subject : null,
      category: draft.kind === 'non_academic' ? draft.category : null,
      live: draft.delivery === 'online' && draft.live,
      stages: stagesOf(draft.grades),
      classCount: classes.length,
      arbitrationBody: draft.disputeResolution === 'arbitration' ? draft.arbitrationBody : null,
    }
    return db.transaction(async (trx) => {
      let course: Course
      if (!existing) {
        course = await Course.create(
          { ...values, institutionId: institution.id, status: 'draft', version: 1 },
          { client: trx }
        )
      } else {
        course = await Course.query({ client: trx })
          .where('id', existing.id)
          .forUpdate()
          .firstOrFail()
        course.merge({
          ...values,
          version: course.version + 1,
          status: course.status === 'taken_down' ? 'taken_down' : 'draft',
          decisionReason: course.status === 'taken_down' ? course.decisionReason : null,
        })
        await course.useTransaction(trx).save()
      }
      await recordAudit(
        {
          action: existing ? 'catalog.course_edited' : 'catalog.course_created',
          actor,
          subjectType: 'course',
          subjectId: course.id,
          regionCode: institution.regionCode,
        },
        trx
      )
      return course
    })
  }

  async #checkFacts(institution: InstitutionSummary, draft: CourseDraft) {
    if (draft.minClassSize > draft.capacity)
      throw new DomainError('catalog.courses.min_above_capacity', {}, { field: 'minClassSize' })
    if (draft.teachingMode === 'one_to_one' && draft.capacity !== 1)
      throw new DomainError('catalog.courses.one_to_one_capacity', {}, { field: 'capacity' })
    if (draft.delivery === 'offline') {
      const party = await contractParty(institution.id)
      if (!party?.venues.includes(draft.venue ?? ''))
        throw new DomainError('catalog.courses.unknown_venue', {}, { field: 'venue' })
    }
  }
}
