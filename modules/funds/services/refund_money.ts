/*
| Refunds of unconsumed classes, to the original payment channel (Art. 18).
| The amount is always recomputed from the order under its row lock when
| money moves, and the order's CHECK constraint refuses any refund beyond
| what was paid and not used: two racing requests can never pay out twice.
| The use cases (request, decide, withdraw, settle overdue, resend, refund
| all) are one file each in actions/; the two steps they share are here.
*/
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { channelNamed } from '../channels/channel.js'
import { accounts, post } from '../ledger/ledger.js'
import BankInstruction from '../models/bank_instruction.js'
import Order from '../models/order.js'
import Payment from '../models/payment.js'
import Refund from '../models/refund.js'
import type SupervisedAccount from '../models/supervised_account.js'
import { payFromOpenAccount } from '../actions/transfer_supervised_funds.js'
import { notifyUrl } from '../actions/start_payment.js'
import { businessNumber } from './numbers.js'
import { settledStatus, unconsumedClasses } from './order_state.js'
import { nextSendAt } from './retry.js'

/** Moves the money under the order's lock: supervised → refunding, and tells the bank. */
export async function approveRefund(
  trx: TransactionClientContract,
  account: SupervisedAccount,
  refund: Refund,
  by: 'institution' | 'deadline' | 'before_start' | 'bureau',
  actorId: number | null,
  note: string | null
) {
  const order = await Order.query({ client: trx })
    .where('id', refund.orderId)
    .forUpdate()
    .firstOrFail()
  const classes = Math.min(refund.classCount, unconsumedClasses(order))
  if (classes < 1) {
    await refund
      .useTransaction(trx)
      .merge({
        status: 'declined',
        decisionReason: '所申请课时已全部消课，无可退费用',
        decidedAt: DateTime.now(),
      })
      .save()
    return
  }
  const amountFen = classes * order.pricePerClassFen
  refund.merge({
    classCount: classes,
    amountFen,
    status: 'refunding',
    approvedBy: by,
    decidedBy: actorId,
    decidedAt: DateTime.now(),
    decisionReason: note,
  })
  await refund.useTransaction(trx).save()
  const instruction = await BankInstruction.create(
    {
      number: businessNumber('I'),
      bankId: account.bankId,
      supervisedAccountId: account.id,
      kind: 'refund',
      amountFen,
      orderId: order.id,
      refundId: refund.id,
      status: 'sent',
    },
    { client: trx }
  )
  await post(trx, {
    kind: 'refund',
    idempotencyKey: `refund:${refund.id}:approved`,
    memo: `退费 ${refund.number}：${classes} 课时未消费用`,
    links: { orderId: order.id, refundId: refund.id, instructionId: instruction.id },
    from: accounts.supervised(order.institutionId),
    to: accounts.refunding(order.institutionId),
    amountFen,
  })
  await payFromOpenAccount(trx, instruction, order.institutionId)
  order.refundingFen += amountFen
  order.classesRefunded += classes
  order.status = settledStatus(order)
  await order.useTransaction(trx).save()
}

/**
 * Asks the channel to return the money to where it came from; safe to
 * repeat (the channel keys on the refund number). Each attempt moves the
 * refund's next retry further out (services/retry.ts).
 */
export async function sendToChannel(refund: Refund): Promise<boolean> {
  const order = await Order.findOrFail(refund.orderId)
  const payment = await Payment.query()
    .where('orderId', order.id)
    .whereNull('consumptionId')
    .where('status', 'succeeded')
    .firstOrFail()
  let sent = true
  try {
    await channelNamed(order.provider).refund({
      paymentNumber: payment.number,
      refundNumber: refund.number,
      amountFen: refund.amountFen,
      notifyUrl: notifyUrl(order.provider),
    })
  } catch (error) {
    /* The refund stays "refunding"; the retry sweep sends it again later. */
    sent = false
    logger.warn(
      { refund: refund.number, reason: (error as Error).message },
      'refund not accepted by the channel yet'
    )
  }
  const attempts = (refund.sendAttempts ?? 0) + 1
  await Refund.query()
    .where('id', refund.id)
    .update({ send_attempts: attempts, next_send_at: nextSendAt(attempts).toJSDate() })
  refund.sendAttempts = attempts
  return sent
}
