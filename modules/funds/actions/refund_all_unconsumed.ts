import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { CurrentUser } from '#modules/identity'
import Order from '../models/order.js'
import Refund from '../models/refund.js'
import { businessNumber } from '../services/numbers.js'
import { unconsumedClasses } from '../services/order_state.js'
import { approveRefund, sendToChannel } from '../services/refund_money.js'
import { announceRefundStep } from '../services/refund_updates.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'

/**
 * An institution that stops abnormally ("跑路"): the responsible bureau
 * orders every unconsumed fee refunded from the supervised account, without
 * waiting for the institution (Beijing and Chengdu rules; Art. 18). Each
 * open order gets a refund approved by the bureau; a parent's pending
 * request is approved in its place. An order already refunding part of its
 * classes gets a bureau refund of the rest beside it (the bureau's refund
 * has its own one-open-per-order index), so no unconsumed fee is left out.
 */
export class RefundAllUnconsumed {
  async handle(
    actor: CurrentUser,
    institutionId: number,
    reason: string
  ): Promise<{ refunds: number; amountFen: number }> {
    const account = await supervisedAccountOf(institutionId)
    const orders = await Order.query()
      .where('institutionId', institutionId)
      .where('mode', 'prepaid')
      .whereIn('status', ['paid', 'in_progress', 'refunding'])
      .select('id')
    let refunds = 0
    let amountFen = 0
    for (const { id } of orders) {
      const refund = await db.transaction(async (trx) => {
        const order = await Order.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
        const classes = unconsumedClasses(order)
        if (classes < 1 || !['paid', 'in_progress', 'refunding'].includes(order.status)) return null
        /* A bureau refund still open for this order already covers it. */
        if (
          await Refund.query({ client: trx })
            .where('orderId', id)
            .where('approvedBy', 'bureau')
            .whereIn('status', ['requested', 'approved', 'refunding'])
            .first()
        )
          return null
        const pending = await Refund.query({ client: trx })
          .where('orderId', id)
          .where('status', 'requested')
          .forUpdate()
          .first()
        const target =
          pending ??
          (await Refund.create(
            {
              number: businessNumber('R'),
              orderId: id,
              parentUserId: order.parentUserId,
              institutionId,
              classCount: classes,
              amountFen: classes * order.pricePerClassFen,
              reason,
              status: 'requested',
              approvedBy: 'bureau',
              answerDueOn: DateTime.now(),
            },
            { client: trx }
          ))
        target.classCount = classes
        await approveRefund(trx, account, target, 'bureau', actor.id, reason)
        await announceRefundStep(trx, target)
        return target
      })
      if (refund?.status === 'refunding') {
        refunds++
        amountFen += refund.amountFen
        await sendToChannel(refund)
      }
    }
    return { refunds, amountFen }
  }
}
