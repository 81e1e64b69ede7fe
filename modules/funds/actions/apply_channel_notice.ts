/*
| A payment channel's callback. Only a verified notice moves money, and
| each moves it once: the payment or refund row is locked, a repeated
| notice finds it already settled and is acknowledged as a duplicate, and
| the ledger's idempotency key would refuse a second posting anyway.
| Every notice, accepted or not, is kept with what became of it.
*/
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { setContractStatus } from '#modules/catalog'
import { type ChannelNotice, NoticeRejected, type RawNotice, channelNamed } from '../channels/channel.js'
import { type Posting, accounts, post } from '../ledger/ledger.js'
import Order from '../models/order.js'
import Payment from '../models/payment.js'
import Refund from '../models/refund.js'
import Consumption from '../models/consumption.js'
import { settledStatus } from '../services/order_state.js'
import { syncContractStatus } from '../services/contract_status.js'

export type NoticeOutcome = { outcome: 'applied' | 'duplicate' | 'rejected'; reason?: string }

type AfterCommit = (() => Promise<unknown>)[]

export class ApplyChannelNotice {
  async handle(provider: string, raw: RawNotice, remoteIp: string | null = null): Promise<NoticeOutcome> {
    let notice: ChannelNotice | null = null
    const after: AfterCommit = []
    const record = (client: { table: TransactionClientContract['table'] }, result: NoticeOutcome) =>
      client.table('channel_notices').insert({
        provider: provider.slice(0, 32),
        kind: notice?.kind ?? null,
        notice_id: notice?.noticeId.slice(0, 64) ?? null,
        body: raw.body.slice(0, 8000),
        outcome: result.outcome,
        reason: result.reason?.slice(0, 255) ?? null,
        remote_ip: remoteIp,
        received_at: new Date(),
      })
    let result: NoticeOutcome
    try {
      notice = channelNamed(provider).parseNotice(raw)
      const parsed = notice
      /* The notice is kept in the same transaction as what it did: one commit per callback. */
      result = await db.transaction(async (trx) => {
        const outcome = parsed.kind === 'payment' ? await this.#payment(trx, provider, parsed, after) : await this.#refund(trx, parsed, after)
        await record(trx, outcome)
        return outcome
      })
    } catch (error) {
      if (!(error instanceof NoticeRejected) && !(error instanceof Error && error.message.startsWith('No payment channel'))) throw error
      result = { outcome: 'rejected', reason: error.message }
      await record(db, result)
    }
    for (const task of after) await task()
    return result
  }

  async #payment(trx: TransactionClientContract, provider: string, notice: Extract<ChannelNotice, { kind: 'payment' }>, after: AfterCommit): Promise<NoticeOutcome> {
    const payment = await Payment.query({ client: trx }).where('number', notice.paymentNumber).where('provider', provider).forUpdate().first()
    if (!payment) return { outcome: 'rejected', reason: 'unknown payment' }
    if (payment.amountFen !== notice.amountFen) return { outcome: 'rejected', reason: `amount ${notice.amountFen} does not match ${payment.amountFen}` }
    if (payment.status === 'succeeded') {
      return payment.providerTxnId === notice.providerTxnId ? { outcome: 'duplicate' } : { outcome: 'rejected', reason: 'payment already settled by another transaction' }
    }
    if (notice.status !== 'succeeded') {
      payment.merge({ status: 'failed' })
      await payment.useTransaction(trx).save()
      return { outcome: 'applied' }
    }
    const order = await Order.query({ client: trx }).where('id', payment.orderId).forUpdate().firstOrFail()
    if (!payment.consumptionId && order.paidFen > 0) return { outcome: 'rejected', reason: 'order already paid by another payment' }
    payment.merge({ status: 'succeeded', providerTxnId: notice.providerTxnId, succeededAt: DateTime.now() })
    await payment.useTransaction(trx).save()

    /*
    | The ledger posting comes last: it updates the channel account's balance,
    | a row every payment of the channel shares, and holds that lock until
    | commit. Everything else is done before taking it.
    */
    let posting: Posting
    if (payment.consumptionId) {
      /* Learn first, pay later: the class is taken, the money is the institution's. */
      order.paidFen += payment.amountFen
      /* Paying for the class is the parent's confirmation of it. */
      await Consumption.query({ client: trx }).where('id', payment.consumptionId).update({ released_at: new Date(), status: 'confirmed', decided_at: new Date() })
      order.status = settledStatus(order)
      posting = { kind: 'pay_later', idempotencyKey: `payment:${payment.id}`, memo: `先学后付 ${order.number} 课次付款`, links: { orderId: order.id, paymentId: payment.id, consumptionId: payment.consumptionId }, from: accounts.channel(provider, payment.id), to: accounts.institution(order.institutionId), amountFen: payment.amountFen }
    } else {
      order.merge({ paidFen: payment.amountFen, paidAt: DateTime.now(), status: 'paid', expiresAt: null, closedAt: null })
      posting = { kind: 'payment', idempotencyKey: `payment:${payment.id}`, memo: `订单 ${order.number} 预收费入监管账户`, links: { orderId: order.id, paymentId: payment.id }, from: accounts.channel(provider, payment.id), to: accounts.supervised(order.institutionId), amountFen: payment.amountFen }
    }
    await order.useTransaction(trx).save()
    await setContractStatus(order.contractId, 'active', trx)
    await post(trx, posting)
    after.push(() => emitter.emit('funds:order_paid', { orderId: order.id, contractId: order.contractId, institutionId: order.institutionId, regionCode: order.regionCode, amountFen: payment.amountFen }))
    return { outcome: 'applied' }
  }

  async #refund(trx: TransactionClientContract, notice: Extract<ChannelNotice, { kind: 'refund' }>, after: AfterCommit): Promise<NoticeOutcome> {
    const refund = await Refund.query({ client: trx }).where('number', notice.refundNumber).forUpdate().first()
    if (!refund) return { outcome: 'rejected', reason: 'unknown refund' }
    if (refund.amountFen !== notice.amountFen) return { outcome: 'rejected', reason: `amount ${notice.amountFen} does not match ${refund.amountFen}` }
    if (refund.status === 'refunded' || refund.status === 'failed') return { outcome: 'duplicate' }
    if (refund.status !== 'refunding') return { outcome: 'rejected', reason: `refund is ${refund.status}` }
    const order = await Order.query({ client: trx }).where('id', refund.orderId).forUpdate().firstOrFail()
    const succeeded = notice.status === 'succeeded'
    order.refundingFen -= refund.amountFen
    if (succeeded) order.refundedFen += refund.amountFen
    else order.classesRefunded -= refund.classCount
    order.status = settledStatus(order)
    if (order.status === 'refunded' || order.status === 'completed') order.closedAt = DateTime.now()
    await order.useTransaction(trx).save()
    refund.merge(succeeded ? { status: 'refunded', refundedAt: DateTime.now() } : { status: 'failed', failureReason: notice.reason ?? 'channel refused' })
    await refund.useTransaction(trx).save()
    /* Last, as for payments: a successful refund's leg is the shared channel account. */
    await post(trx, {
      kind: succeeded ? 'refund_paid' : 'refund_failed',
      idempotencyKey: `refund:${refund.id}:settled`,
      memo: succeeded ? `退费 ${refund.number} 原路退回` : `退费 ${refund.number} 渠道退回失败，款项回到监管账户`,
      links: { orderId: order.id, refundId: refund.id },
      from: accounts.refunding(order.institutionId),
      to: succeeded ? accounts.channel(order.provider, refund.id) : accounts.supervised(order.institutionId),
      amountFen: refund.amountFen,
    })
    after.push(async () => {
      await syncContractStatus(order.contractId)
      await emitter.emit('funds:refund_settled', { refundId: refund.id, orderId: order.id, institutionId: order.institutionId, regionCode: order.regionCode, amountFen: refund.amountFen, outcome: succeeded ? 'refunded' : 'failed' })
    })
    return { outcome: 'applied' }
  }
}
