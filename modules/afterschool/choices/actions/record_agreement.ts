import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { localIsoDate, todayIso } from '#kernel/shared/dates'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type { SchoolSummary } from '#modules/students'
import AfterschoolApplication from '../../calls/models/afterschool_application.js'
import AfterschoolAgreement from '../models/afterschool_agreement.js'
import AfterschoolChoice from '../models/afterschool_choice.js'

export interface AgreementInput {
  offerIndex: number
  number: string
  signedOn: Date
  termStartsOn: Date
  termEndsOn: Date
  notes?: string
}

/**
 * A school records the service agreement it signed with a provider it
 * chose, for one term: the project must be one of its live choices, the
 * entry still on the list, the term's end after its start and the
 * signing date not in the future. The price per class is copied from the
 * listed project. One agreement per provider and term.
 */
export class RecordAgreement {
  async handle(
    actor: CurrentUser,
    school: SchoolSummary,
    applicationId: number,
    input: AgreementInput
  ): Promise<AfterschoolAgreement> {
    /* A closed school's operators keep reading, and act no more. */
    if (!school.open) throw new DomainError('afterschool_choices.errors.school_closed')
    const [signedOn, startsOn, endsOn] = [input.signedOn, input.termStartsOn, input.termEndsOn].map(
      localIsoDate
    ) as [string, string, string]
    if (endsOn <= startsOn)
      throw new DomainError('afterschool_choices.errors.term', {}, { field: 'termEndsOn' })
    /* A term is a term: four weeks at least (a one-day "term" would let a school rate at will). */
    if (DateTime.fromISO(endsOn).diff(DateTime.fromISO(startsOn), 'days').days < 28)
      throw new DomainError('afterschool_choices.errors.term_short', {}, { field: 'termEndsOn' })
    if (signedOn > todayIso())
      throw new DomainError('afterschool_choices.errors.signed_future', {}, { field: 'signedOn' })
    return db.transaction(async (trx) => {
      const application = await AfterschoolApplication.query({ client: trx })
        .where('id', applicationId)
        .forShare()
        .first()
      const chosen = await AfterschoolChoice.query({ client: trx })
        .where({ schoolId: school.id, applicationId, status: 'chosen' })
        .select('offerIndex')
      if (!application || !chosen.length) throw new NotFoundException()
      if (application.droppedAt) throw new DomainError('afterschool_choices.errors.dropped')
      const offer = application.offers[input.offerIndex]
      if (!offer || !chosen.some((c) => c.offerIndex === input.offerIndex))
        throw new DomainError('afterschool_choices.errors.not_chosen', {}, { field: 'offerIndex' })
      const overlapping = await AfterschoolAgreement.query({ client: trx })
        .where({ schoolId: school.id, applicationId })
        .where('termStartsOn', '<=', endsOn)
        .where('termEndsOn', '>=', startsOn)
        .first()
      if (overlapping)
        throw new DomainError(
          overlapping.termStartsOn.toISODate() === startsOn
            ? 'afterschool_choices.errors.agreement_exists'
            : 'afterschool_choices.errors.term_overlap',
          {},
          { field: 'termStartsOn' }
        )
      try {
        const agreement = await AfterschoolAgreement.create(
          {
            schoolId: school.id,
            callId: application.callId,
            applicationId,
            offerIndex: input.offerIndex,
            number: input.number,
            signedOn: DateTime.fromISO(signedOn),
            termStartsOn: DateTime.fromISO(startsOn),
            termEndsOn: DateTime.fromISO(endsOn),
            pricePerClassFen: offer.pricePerClassFen,
            notes: input.notes ?? null,
            createdBy: actor.id,
          },
          { client: trx }
        )
        await recordAudit(
          {
            action: 'afterschool.agreement_recorded',
            actor,
            subjectType: 'afterschool_agreement',
            subjectId: agreement.id,
            regionCode: school.regionCode,
            summary: `${school.name} · ${input.number}`.slice(0, 200),
          },
          trx
        )
        return agreement
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DomainError(
            'afterschool_choices.errors.agreement_exists',
            {},
            { field: 'termStartsOn' }
          )
        throw error
      }
    })
  }
}
