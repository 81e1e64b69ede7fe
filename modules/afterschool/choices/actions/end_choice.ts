import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type { SchoolSummary } from '#modules/students'
import AfterschoolChoice from '../models/afterschool_choice.js'

/**
 * A school ends one of its live choices (its provider dropped out, or the
 * slot is no longer wanted). The row stays, marked, for the history and
 * the county's view; the slot may then be chosen again.
 */
export class EndChoice {
  async handle(actor: CurrentUser, school: SchoolSummary, choiceId: number, confirmed: boolean) {
    return db.transaction(async (trx) => {
      const choice = await AfterschoolChoice.query({ client: trx })
        .where({ id: choiceId, schoolId: school.id, status: 'chosen' })
        .forUpdate()
        .first()
      if (!choice) throw new NotFoundException()
      /* Ending frees the slot for another provider at once: the school ticks that it means it. */
      if (!confirmed)
        throw new DomainError('afterschool_choices.errors.confirm_end', {}, { field: 'confirmed' })
      choice.merge({ status: 'ended', endedAt: DateTime.now(), endedBy: actor.id })
      await choice.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'afterschool.choice_ended',
          actor,
          subjectType: 'afterschool_choice',
          subjectId: choice.id,
          regionCode: school.regionCode,
          summary: `${school.name} · ${choice.offerName}`.slice(0, 200),
        },
        trx
      )
      return choice
    })
  }
}
