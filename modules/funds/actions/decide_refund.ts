import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { ForbiddenException } from '#kernel/exceptions/forbidden_exception'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type CurrentUser, institutionActedFor, sameOwnerOr404 } from '#modules/identity'
import Refund from '../models/refund.js'
import { approveRefund, sendToChannel } from '../services/refund_money.js'
import { announceRefundStep } from '../services/refund_updates.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'

export interface DecideRefundInput {
  approve: boolean
  /** Required to decline; kept with an approval when given. */
  reason: string | null
}

async function institutionsRefund(actor: CurrentUser, refundId: number) {
  const refund = await Refund.find(refundId)
  if (!refund) throw new NotFoundException()
  sameOwnerOr404(refund.institutionId, institutionActedFor(actor))
  /* Least privilege: staff record attendance and answer customers; deciding where money goes is the owner's. */
  if (actor.role !== 'institution_owner') throw new ForbiddenException()
  return refund
}

/** The institution's owner approves a parent's refund request (the money moves at once) or declines it with a reason. */
export class DecideRefund {
  async handle(actor: CurrentUser, refundId: number, input: DecideRefundInput) {
    const { institutionId } = await institutionsRefund(actor, refundId)
    const account = await supervisedAccountOf(institutionId)
    if (!input.approve && !input.reason?.trim())
      throw new DomainError('funds.refunds.reason_required', {}, { field: 'reason' })
    const refund = await db.transaction(async (trx) => {
      const locked = await Refund.query({ client: trx })
        .where('id', refundId)
        .forUpdate()
        .firstOrFail()
      if (locked.status !== 'requested') throw new DomainError('funds.refunds.already_decided')
      if (input.approve)
        await approveRefund(trx, account, locked, 'institution', actor.id, input.reason)
      else
        await locked
          .useTransaction(trx)
          .merge({
            status: 'declined',
            decisionReason: input.reason,
            decidedBy: actor.id,
            decidedAt: DateTime.now(),
          })
          .save()
      await announceRefundStep(trx, locked)
      return locked
    })
    if (refund.status === 'refunding') await sendToChannel(refund)
    return refund
  }
}
