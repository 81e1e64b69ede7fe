import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { todayIso } from '#kernel/shared/dates'
import { publish } from '#kernel/shared/outbox'
import { type CurrentUser, recordAudit } from '#modules/identity'
import { institutionSummary } from '#modules/registry'
import type { SchoolSummary } from '#modules/students'
import AfterschoolApplication from '../../calls/models/afterschool_application.js'
import AfterschoolEvaluation from '../models/afterschool_evaluation.js'
import { agreementOf } from '../queries/school_lists.js'

export interface EvaluationInput {
  quality: number
  safety: number
  punctuality: number
  comment?: string
}

/** A school rates at term end: from this many days before the agreement's term ends. */
export const RATING_OPENS_DAYS_BEFORE_END = 14

/**
 * At term end a school rates a provider it had an agreement with
 * (quality, safety, punctuality, 1–5), once per agreement and term. The
 * rating is announced as `afterschool:provider_rated` in the same
 * transaction; credit keeps its own copy and scores it.
 */
export class RateProvider {
  async handle(
    actor: CurrentUser,
    school: SchoolSummary,
    agreementId: number,
    input: EvaluationInput
  ): Promise<AfterschoolEvaluation> {
    /* A closed school's operators keep reading, and act no more. */
    if (!school.open) throw new DomainError('afterschool_choices.errors.school_closed')
    const agreement = await agreementOf(school.id, agreementId)
    if (!agreement) throw new NotFoundException()
    const opens = agreement.termEndsOn.minus({ days: RATING_OPENS_DAYS_BEFORE_END }).toISODate()!
    const today = todayIso()
    if (today < opens)
      throw new DomainError('afterschool_choices.errors.too_early', { date: opens })
    const application = await AfterschoolApplication.findOrFail(agreement.applicationId)
    const institution = await institutionSummary(application.institutionId)
    if (!institution) throw new NotFoundException()
    return db.transaction(async (trx) => {
      try {
        const evaluation = await AfterschoolEvaluation.create(
          {
            schoolId: school.id,
            applicationId: application.id,
            agreementId: agreement.id,
            institutionId: institution.id,
            term: agreement.term,
            quality: input.quality,
            safety: input.safety,
            punctuality: input.punctuality,
            comment: input.comment ?? null,
            createdBy: actor.id,
          },
          { client: trx }
        )
        await publish(trx, 'afterschool:provider_rated', {
          institutionId: institution.id,
          regionCode: institution.regionCode,
          schoolId: school.id,
          applicationId: application.id,
          term: agreement.term,
          quality: input.quality,
          safety: input.safety,
          punctuality: input.punctuality,
          ratedOn: today,
        })
        await recordAudit(
          {
            action: 'afterschool.provider_rated',
            actor,
            subjectType: 'afterschool_evaluation',
            subjectId: evaluation.id,
            regionCode: school.regionCode,
            summary: `${institution.name} ${input.quality}/${input.safety}/${input.punctuality}`,
          },
          trx
        )
        return evaluation
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DomainError('afterschool_choices.errors.already_rated')
        throw error
      }
    })
  }
}
