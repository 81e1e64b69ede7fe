/*
| Money a channel took that the platform must not apply — a late payment
| for classes another order now covers, a second payment of a class already
| paid — is sent back to where it came from (Art. 18: the original
| account), never dropped and never booked. Each return is a row, sent to
| the channel after commit and re-sent by the retry sweep until the
| channel's callback settles it.
*/
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { channelNamed } from '../channels/channel.js'
import Payment from '../models/payment.js'
import PaymentReturn from '../models/payment_return.js'
import { businessNumber } from './numbers.js'
import { nextSendAt } from './retry.js'
import { notifyUrl } from '../actions/start_payment.js'

/** Inside the callback's transaction: the payment is marked returned and its return recorded. */
export async function returnPayment(
  trx: TransactionClientContract,
  payment: Payment,
  providerTxnId: string,
  reason: string
): Promise<PaymentReturn> {
  payment.merge({ status: 'returned', providerTxnId, succeededAt: DateTime.now() })
  await payment.useTransaction(trx).save()
  return PaymentReturn.create(
    {
      number: businessNumber('B'),
      paymentId: payment.id,
      orderId: payment.orderId,
      provider: payment.provider,
      amountFen: payment.amountFen,
      reason: reason.slice(0, 255),
      status: 'returning',
      sendAttempts: 0,
      nextSendAt: DateTime.now(),
    },
    { client: trx }
  )
}

/** Asks the channel to send the money back; safe to repeat (the channel keys on the return's number). */
export async function sendReturn(ret: PaymentReturn): Promise<boolean> {
  const payment = await Payment.findOrFail(ret.paymentId)
  let sent = true
  try {
    await channelNamed(ret.provider).refund({
      paymentNumber: payment.number,
      refundNumber: ret.number,
      amountFen: ret.amountFen,
      notifyUrl: notifyUrl(ret.provider),
    })
  } catch (error) {
    sent = false
    logger.warn(
      { return: ret.number, reason: (error as Error).message },
      'payment return not accepted by the channel yet'
    )
  }
  const attempts = ret.sendAttempts + 1
  await PaymentReturn.query()
    .where('id', ret.id)
    .where('status', 'returning')
    .update({
      send_attempts: attempts,
      next_send_at: nextSendAt(attempts).toJSDate(),
      updated_at: new Date(),
    })
  return sent
}
