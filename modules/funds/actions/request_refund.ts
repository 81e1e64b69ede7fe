import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { todayIso } from '#kernel/shared/dates'
import { toRegionCode } from '#kernel/shared/region_code'
import type { CurrentUser } from '#modules/identity'
import { fundDeadlines } from '../extension_points.js'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import Refund from '../models/refund.js'
import { workingDeadline } from '../services/deadlines.js'
import { businessNumber } from '../services/numbers.js'
import { unconsumedClasses } from '../services/order_state.js'
import { approveRefund, sendToChannel } from '../services/refund_money.js'
import { announceRefundStep } from '../services/refund_updates.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'

export interface RequestRefundInput {
  /** How many unconsumed classes to refund; all of them when left out. */
  classes?: number
  reason: string
}

/**
 * The parent asks for unconsumed classes back (Art. 18). Before the first
 * class the refund is full and needs nobody's approval; otherwise the
 * institution answers within its deadline (silence is approval).
 */
export class RequestRefund {
  async handle(
    parent: CurrentUser,
    orderId: number,
    input: RequestRefundInput,
    today = todayIso()
  ): Promise<Refund> {
    let refund: Refund
    const owner = await Order.find(orderId)
    if (!owner || owner.parentUserId !== parent.id) throw new NotFoundException()
    /* Looked up before the transaction: a second pooled connection inside it could starve the pool under load. */
    const account = await supervisedAccountOf(owner.institutionId)
    try {
      refund = await db.transaction(async (trx) => {
        const order = await Order.query({ client: trx }).where('id', orderId).forUpdate().first()
        if (!order || order.parentUserId !== parent.id) throw new NotFoundException()
        if (order.mode !== 'prepaid' || !['paid', 'in_progress'].includes(order.status))
          throw new DomainError('funds.refunds.not_refundable')
        const open = await Refund.query({ client: trx })
          .where('orderId', orderId)
          .whereIn('status', ['requested', 'approved', 'refunding'])
          .first()
        if (open) throw new DomainError('funds.refunds.already_open')
        const left = unconsumedClasses(order)
        const classes = input.classes ?? left
        if (left < 1) throw new DomainError('funds.refunds.nothing_left')
        if (!Number.isInteger(classes) || classes < 1 || classes > left)
          throw new DomainError('funds.refunds.too_many', { left }, { field: 'classes' })
        const deadlines = await fundDeadlines.resolve(toRegionCode(order.regionCode), {})
        const started = await Consumption.query({ client: trx })
          .where('contractId', order.contractId)
          .whereNot('status', 'disputed')
          .first()
        const created = await Refund.create(
          {
            number: businessNumber('R'),
            orderId,
            parentUserId: parent.id,
            institutionId: order.institutionId,
            classCount: classes,
            amountFen: classes * order.pricePerClassFen,
            reason: input.reason,
            status: 'requested',
            answerDueOn: DateTime.fromISO(
              workingDeadline(today, deadlines.refundAnswerWorkingDays)
            ),
          },
          { client: trx }
        )
        /* Before the first class nothing is owed to the institution: the refund is full and immediate. */
        if (!started) await approveRefund(trx, account, created, 'before_start', null, null)
        /* Acknowledged (or, before the first class, already on its way back): one message either way. */
        await announceRefundStep(trx, created)
        return created
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('funds.refunds.already_open')
      throw error
    }
    if (refund.status === 'refunding') await sendToChannel(refund)
    return refund
  }
}
