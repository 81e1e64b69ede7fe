import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { type CurrentUser, recordAudit } from '#modules/identity'
import CreditCodeContest from '../models/credit_code_contest.js'
import Institution from '../models/institution.js'

export interface ContestInput {
  creditCode: string
  claimantUnit: string
  statement: string
}

/**
 * Somebody whose credit code another draft holds asks the bureau of that
 * draft's region to release it (review finding 5). Only a filing not yet
 * approved can be contested: an approved institution's code was checked by
 * its bureau, and a dispute about it is not the filer's to start here.
 */
export class ContestCreditCode {
  async handle(actor: CurrentUser, input: ContestInput) {
    const code = input.creditCode.trim().toUpperCase()
    const holder = await Institution.query()
      .where('creditCode', code)
      .whereNull('removedAt')
      .first()
    if (!holder || (actor.orgType === 'institution' && actor.orgId === holder.id))
      throw new DomainError('registry.contests.not_taken')
    if (holder.filingStatus === 'approved')
      throw new DomainError('registry.contests.approved_holder')
    try {
      return await db.transaction(async (trx) => {
        const contest = await CreditCodeContest.create(
          {
            creditCode: code,
            institutionId: holder.id,
            regionCode: holder.regionCode,
            provinceCode: holder.provinceCode,
            claimantUserId: actor.id,
            claimantUnit: input.claimantUnit.trim(),
            statement: input.statement.trim(),
            status: 'pending',
          },
          { client: trx }
        )
        await recordAudit(
          {
            action: 'registry.credit_code_contested',
            actor,
            subjectType: 'institution',
            subjectId: holder.id,
            regionCode: holder.regionCode,
            summary: code,
          },
          trx
        )
        return contest
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('registry.contests.one_pending')
      throw error
    }
  }
}
