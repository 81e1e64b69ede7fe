/*
| A channel's answer to a refund: a parent's refund, or the return of a
| payment the platform did not apply. A refund the channel refused goes
| back to the supervised account only while the bank still holds the money
| (its instruction is then cancelled, so the bank never pays it). If the
| bank has already paid it out, nothing is moved back silently: the refund
| stays open, is sent again by the retry sweep, and a red anomaly asks the
| bureau to reconcile it. A payment return the channel refuses (money it
| took and the platform never booked) raises a red anomaly too.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { publish } from '#kernel/shared/outbox'
import type { ChannelNotice } from '../channels/channel.js'
import { accounts, post } from '../ledger/ledger.js'
import BankInstruction from '../models/bank_instruction.js'
import Order from '../models/order.js'
import PaymentReturn from '../models/payment_return.js'
import Refund from '../models/refund.js'
import SupervisedAccount from '../models/supervised_account.js'
import { settledStatus } from '../services/order_state.js'
import { syncContractStatus } from '../services/contract_status.js'
import { nextSendAt } from '../services/retry.js'
import { announceRefundStep } from '../services/refund_updates.js'
import { raiseAnomaly } from './reconcile.js'

type Outcome = { outcome: 'applied' | 'duplicate' | 'rejected'; reason?: string }
type RefundNotice = Extract<ChannelNotice, { kind: 'refund' }>

export async function settleRefundNotice(
  trx: TransactionClientContract,
  notice: RefundNotice,
  after: (() => Promise<unknown>)[]
): Promise<Outcome> {
  const refund = await Refund.query({ client: trx })
    .where('number', notice.refundNumber)
    .forUpdate()
    .first()
  if (!refund) return settleReturn(trx, notice)
  if (refund.amountFen !== notice.amountFen)
    return {
      outcome: 'rejected',
      reason: `amount ${notice.amountFen} does not match ${refund.amountFen}`,
    }
  if (refund.status === 'refunded' || refund.status === 'failed') return { outcome: 'duplicate' }
  if (refund.status !== 'refunding')
    return { outcome: 'rejected', reason: `refund is ${refund.status}` }
  const order = await Order.query({ client: trx })
    .where('id', refund.orderId)
    .forUpdate()
    .firstOrFail()
  const succeeded = notice.status === 'succeeded'
  const instruction = await BankInstruction.query({ client: trx })
    .where('refundId', refund.id)
    .whereIn('status', ['sent', 'executed'])
    .forUpdate()
    .first()
  if (!succeeded && instruction?.status === 'executed') {
    refund.merge({
      failureReason: notice.reason ?? 'channel refused',
      nextSendAt: nextSendAt(refund.sendAttempts + 1),
    })
    await refund.useTransaction(trx).save()
    /* The anomaly and its event commit with the refund they are about. */
    const account = await SupervisedAccount.findOrFail(instruction.supervisedAccountId, {
      client: trx,
    })
    await raiseAnomaly(
      account,
      'refund_failed_executed',
      'red',
      {
        refund: refund.number,
        instruction: instruction.number,
        amountFen: refund.amountFen,
        reason: refund.failureReason,
      },
      `refund_failed_executed:${refund.id}`,
      trx
    )
    return {
      outcome: 'applied',
      reason: 'refused by the channel after the bank paid it out: kept open for reconciliation',
    }
  }
  order.refundingFen -= refund.amountFen
  if (succeeded) order.refundedFen += refund.amountFen
  else order.classesRefunded -= refund.classCount
  order.status = settledStatus(order)
  if (order.status === 'refunded' || order.status === 'completed') order.closedAt = DateTime.now()
  await order.useTransaction(trx).save()
  refund.merge(
    succeeded
      ? { status: 'refunded', refundedAt: DateTime.now() }
      : { status: 'failed', failureReason: notice.reason ?? 'channel refused' }
  )
  await refund.useTransaction(trx).save()
  /* The parent hears the money is back (or refused and held again), with the settlement or not at all. */
  await announceRefundStep(trx, refund)
  /* The bank must not pay out a refund that goes back into supervision. */
  if (!succeeded && instruction?.status === 'sent')
    await instruction
      .useTransaction(trx)
      .merge({ status: 'cancelled', resolutionNote: 'refund refused by the channel' })
      .save()
  /* In the settlement's transaction, before the ledger's shared-row lock is taken. */
  await publish(trx, 'funds:refund_settled', {
    refundId: refund.id,
    orderId: order.id,
    institutionId: order.institutionId,
    regionCode: order.regionCode,
    amountFen: refund.amountFen,
    outcome: succeeded ? 'refunded' : 'failed',
  })
  /* Last, as for payments: a successful refund's leg is the shared channel account. */
  await post(trx, {
    kind: succeeded ? 'refund_paid' : 'refund_failed',
    idempotencyKey: `refund:${refund.id}:settled`,
    memo: succeeded
      ? `退费 ${refund.number} 原路退回`
      : `退费 ${refund.number} 渠道退回失败，款项回到监管账户`,
    links: { orderId: order.id, refundId: refund.id },
    from: accounts.refunding(order.institutionId),
    to: succeeded
      ? accounts.channel(order.provider, refund.id)
      : accounts.supervised(order.institutionId),
    amountFen: refund.amountFen,
  })
  after.push(() => syncContractStatus(order.contractId))
  return { outcome: 'applied' }
}

/** The channel's answer to the return of a payment that was never applied. */
async function settleReturn(
  trx: TransactionClientContract,
  notice: RefundNotice
): Promise<Outcome> {
  const ret = await PaymentReturn.query({ client: trx })
    .where('number', notice.refundNumber)
    .forUpdate()
    .first()
  if (!ret) return { outcome: 'rejected', reason: 'unknown refund' }
  if (ret.amountFen !== notice.amountFen)
    return {
      outcome: 'rejected',
      reason: `amount ${notice.amountFen} does not match ${ret.amountFen}`,
    }
  if (ret.status !== 'returning') return { outcome: 'duplicate' }
  const succeeded = notice.status === 'succeeded'
  ret.merge(
    succeeded
      ? { status: 'returned', returnedAt: DateTime.now(), nextSendAt: null }
      : { status: 'failed', failureReason: notice.reason ?? 'channel refused', nextSendAt: null }
  )
  await ret.useTransaction(trx).save()
  /*
   * The channel kept a parent's money the platform never booked: nothing
   * in the ledger shows it, so only a red alarm to the bureau responsible
   * for the institution gets it back to the parent. It commits with the
   * failure, or neither does.
   */
  if (!succeeded) {
    const order = await Order.findOrFail(ret.orderId, { client: trx })
    const account = await SupervisedAccount.query({ client: trx })
      .where('institutionId', order.institutionId)
      .orderByRaw(`status = 'open' DESC`)
      .orderBy('id', 'desc')
      .first()
    if (account)
      await raiseAnomaly(
        account,
        'payment_return_failed',
        'red',
        {
          return: ret.number,
          orderId: order.id,
          amountFen: ret.amountFen,
          provider: ret.provider,
          reason: ret.failureReason,
        },
        `payment_return_failed:${ret.id}`,
        trx
      )
  }
  return { outcome: 'applied' }
}
