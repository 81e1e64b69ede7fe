import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import CreditObjection from '../models/credit_objection.js'
import { recomputeInstitutionScore } from './recompute_institution_score.js'

export interface ObjectionAnswer {
  outcome: 'upheld' | 'dismissed'
  answer: string
}

/**
 * The bureau's answer to an objection. Upholding one means the facts
 * behind a factor were corrected where they belong (a complaint closed as
 * unfounded, a finding withdrawn), so the score is recomputed from them at
 * once, with the objection as its cause.
 */
export class AnswerObjection {
  async handle(actor: CurrentUser, objectionId: number, input: ObjectionAnswer) {
    const objection = await db.transaction(async (trx) => {
      const row = await CreditObjection.query({ client: trx })
        .where('id', objectionId)
        .forUpdate()
        .firstOrFail()
      if (row.status !== 'open') throw new DomainError('credit_score.objections.already_answered')
      row.merge({
        status: input.outcome,
        answer: input.answer,
        answeredById: actor.id,
        answeredByUnit: actor.unitName ?? null,
        answeredAt: DateTime.now(),
      })
      await row.useTransaction(trx).save()
      await recordAudit(
        {
          action: `credit.objection.${input.outcome}`,
          actor,
          subjectType: 'institution',
          subjectId: row.institutionId,
          summary: `objection ${row.id}`,
          regionCode: row.regionCode,
          details: { objectionId: row.id },
        },
        trx
      )
      return row
    })
    if (objection.status === 'upheld')
      await recomputeInstitutionScore(objection.institutionId, {
        cause: 'objection',
        ref: objection.id,
      })
    return objection
  }
}
