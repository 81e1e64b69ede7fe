import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import CreditCodeContest from '../models/credit_code_contest.js'
import Institution from '../models/institution.js'
import { releaseCreditCode } from '../services/credit_code_release.js'

/**
 * The bureau responsible for the contested filing decides. Upheld: the code
 * is released from that filing (which may never claim it again, see
 * credit_code_claims.ts) and a filing in review goes back to its owner.
 */
export class DecideCreditCodeContest {
  async handle(
    actor: CurrentUser,
    contestId: number,
    decision: 'upheld' | 'dismissed',
    comment: string | null
  ) {
    await db.transaction(async (trx) => {
      const contest = await CreditCodeContest.query({ client: trx })
        .where('id', contestId)
        .forUpdate()
        .firstOrFail()
      if (contest.status !== 'pending') throw new DomainError('registry.contests.already_decided')
      const holder = await Institution.query({ client: trx })
        .where('id', contest.institutionId)
        .forUpdate()
        .firstOrFail()
      if (decision === 'upheld') {
        if (holder.filingStatus === 'approved')
          throw new DomainError('registry.contests.approved_holder')
        if (holder.creditCode === contest.creditCode) {
          if (holder.filingStatus === 'submitted') holder.filingStatus = 'returned'
          await releaseCreditCode(trx, holder)
        }
      }
      contest.merge({
        status: decision,
        decidedById: actor.id,
        decisionComment: comment,
        decidedAt: DateTime.now(),
      })
      await contest.useTransaction(trx).save()
      await recordAudit(
        {
          action: `registry.credit_code_contest_${decision}`,
          actor,
          subjectType: 'institution',
          subjectId: holder.id,
          regionCode: holder.regionCode,
          summary: contest.creditCode,
        },
        trx
      )
    })
  }
}
