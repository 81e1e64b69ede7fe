import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type CurrentUser, recordAudit } from '#modules/identity'

export interface AnswerRiskWarningInput {
  warningId: number
  /** The institution's explanation and what it does about it, shown to the bureau. */
  answer: string
}

/**
 * The institution answers one of its open warnings with an explanation
 * (a later answer replaces the earlier one; the audit log keeps each).
 * Someone else's warning is not found (404), never "forbidden".
 */
export class AnswerRiskWarning {
  async handle(actor: CurrentUser, input: AnswerRiskWarningInput): Promise<void> {
    const answer = input.answer.trim()
    if (!answer) throw new DomainError('credit_risk.errors.answer', {}, { field: 'answer' })
    await db.transaction(async (trx) => {
      const w = await trx
        .from('risk_warnings')
        .where('id', input.warningId)
        .forUpdate()
        .select('id', 'institution_id', 'region_code', 'lifted_at')
        .first()
      if (!w || actor.orgType !== 'institution' || actor.orgId !== Number(w.institution_id))
        throw new NotFoundException()
      if (w.lifted_at) throw new DomainError('credit_risk.errors.lifted', {}, { status: 409 })
      const now = new Date()
      await trx
        .from('risk_warnings')
        .where('id', w.id)
        .update({
          answer: answer.slice(0, 2000),
          answered_at: now,
          answered_by: actor.id,
          updated_at: now,
        })
      await recordAudit(
        {
          action: 'credit.risk_warning_answered',
          actor,
          subjectType: 'risk_warning',
          subjectId: w.id,
          regionCode: w.region_code,
          summary: answer.slice(0, 200),
        },
        trx
      )
    })
  }
}
