/*
| When an order lapses or gives way to another, its open payments are closed
| here and then at the channel, so the cashier refuses them. A payer who was
| quicker than the close is handled by the late-payment rules of
| ApplyChannelNotice (applied if nothing else covers the classes, else
| returned to the payer).
*/
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { channelNamed } from '../channels/channel.js'

export interface ClosedPayment {
  number: string
  provider: string
}

/** Inside the caller's transaction: the orders' pending payments become `closed`. */
export async function closePendingPayments(
  trx: TransactionClientContract,
  orderIds: number[]
): Promise<ClosedPayment[]> {
  if (!orderIds.length) return []
  return trx
    .from('payments')
    .whereIn('order_id', orderIds)
    .where('status', 'pending')
    .update({ status: 'closed', updated_at: new Date() })
    .returning(['number', 'provider'])
}

/** After commit: tells each channel. A channel that cannot be reached is logged; its late callback is still handled safely. */
export async function closeAtChannel(payments: ClosedPayment[]): Promise<void> {
  for (const payment of payments) {
    try {
      const outcome = await channelNamed(payment.provider).close(payment.number)
      if (outcome === 'already_paid')
        logger.info(
          { payment: payment.number },
          'payment was paid before it could be closed; its callback decides'
        )
    } catch (error) {
      logger.warn(
        { payment: payment.number, reason: (error as Error).message },
        'payment not closed at the channel'
      )
    }
  }
}
