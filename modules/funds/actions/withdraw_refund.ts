import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import type { CurrentUser } from '#modules/identity'
import Refund from '../models/refund.js'
import { announceRefundStep } from '../services/refund_updates.js'

/** The parent takes back a request the institution has not answered yet; the acknowledgement commits with it. */
export class WithdrawRefund {
  async handle(parent: CurrentUser, refundId: number) {
    /* Another parent's refund, or none: the same 404 every owner check answers. */
    const own = await Refund.query()
      .where('id', refundId)
      .where('parentUserId', parent.id)
      .select('id')
      .first()
    if (!own) throw new NotFoundException()
    await db.transaction(async (trx) => {
      const refund = await Refund.query({ client: trx })
        .where('id', refundId)
        .where('parentUserId', parent.id)
        .forUpdate()
        .firstOrFail()
      if (refund.status !== 'requested') throw new DomainError('funds.refunds.already_decided')
      await refund
        .useTransaction(trx)
        .merge({ status: 'withdrawn', decidedAt: DateTime.now() })
        .save()
      await announceRefundStep(trx, refund)
    })
  }
}
