import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { type Grade, GRADES, stageOf } from '#kernel/shared/school_grades'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type { SchoolSummary } from '#modules/students'
import AfterschoolApplication from '../../calls/models/afterschool_application.js'
import AfterschoolChoice from '../models/afterschool_choice.js'
import { publishedCallOf } from '../queries/school_lists.js'

export interface ChoiceInput {
  offerIndex: number
  weekday: number
  startsAt: string
  endsAt: string
  grades: string[]
  capacity: number
}

/**
 * A school chooses one project of a published list's entry into a weekly
 * slot: the grades within the project's and the school's stages, the
 * class no larger than the project's. The entry is read under a share
 * lock, so a drop (recheck_listed locks it for update) waits for this
 * choice and then tells the school, or this choice sees the drop and is
 * refused. Nothing is stored when a rule says no.
 */
export class ChooseProvider {
  async handle(
    actor: CurrentUser,
    school: SchoolSummary,
    applicationId: number,
    input: ChoiceInput
  ): Promise<AfterschoolChoice> {
    const field = (name: keyof ChoiceInput) => ({ field: name })
    if (!school.open) throw new DomainError('afterschool_choices.errors.school_closed')
    if (input.endsAt <= input.startsAt)
      throw new DomainError('afterschool_choices.errors.times', {}, field('endsAt'))
    return db.transaction(async (trx) => {
      const application = await AfterschoolApplication.query({ client: trx })
        .where('id', applicationId)
        .forShare()
        .first()
      const call = application && (await publishedCallOf(school.id, application.callId, trx))
      if (!application || !call) throw new NotFoundException()
      if (application.rank === null) throw new DomainError('afterschool_choices.errors.not_listed')
      if (application.droppedAt) throw new DomainError('afterschool_choices.errors.dropped')
      const offer = application.offers[input.offerIndex]
      if (!offer) throw new DomainError('afterschool_choices.errors.offer', {}, field('offerIndex'))
      const fits = (g: string) =>
        (GRADES as readonly string[]).includes(g) &&
        offer.grades.includes(g) &&
        school.stages.includes(stageOf(g as Grade))
      if (!input.grades.every(fits))
        throw new DomainError('afterschool_choices.errors.grades', {}, field('grades'))
      if (input.capacity > offer.classSize)
        throw new DomainError(
          'afterschool_choices.errors.capacity',
          { max: offer.classSize },
          field('capacity')
        )
      try {
        const choice = await AfterschoolChoice.create(
          {
            schoolId: school.id,
            callId: call.id,
            applicationId: application.id,
            offerIndex: input.offerIndex,
            offerName: offer.name,
            weekday: input.weekday,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            grades: input.grades,
            capacity: input.capacity,
            status: 'chosen',
            createdBy: actor.id,
          },
          { client: trx }
        )
        await recordAudit(
          {
            action: 'afterschool.provider_chosen',
            actor,
            subjectType: 'afterschool_choice',
            subjectId: choice.id,
            regionCode: school.regionCode,
            summary: `${school.name} · ${offer.name}`.slice(0, 200),
          },
          trx
        )
        return choice
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DomainError('afterschool_choices.errors.duplicate', {}, field('startsAt'))
        throw error
      }
    })
  }
}
