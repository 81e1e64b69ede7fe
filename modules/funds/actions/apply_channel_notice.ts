/*
| A payment channel's callback. Only a verified notice moves money, and
| each moves it once: the payment or refund row is locked, a repeated
| notice finds it already settled and is acknowledged as a duplicate, and
| the ledger's idempotency key would refuse a second posting anyway.
| Money the channel took that must not be applied (a late payment for
| classes another order now covers, a class paid twice, more than the
| order's amount) is returned to the payer, recorded, never dropped.
| Every verified notice is kept with what became of it; one nobody can be
| held to (unknown provider, bad signature) is only counted.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { publish } from '#kernel/shared/outbox'
import { contractSummary, setContractStatus } from '#modules/catalog'
import {
  type ChannelNotice,
  NoticeRejected,
  NoticeUnverified,
  type RawNotice,
  channelNamed,
} from '../channels/channel.js'
import { type Posting, accounts, post } from '../ledger/ledger.js'
import Order from '../models/order.js'
import Payment from '../models/payment.js'
import Consumption from '../models/consumption.js'
import { settledStatus } from '../services/order_state.js'
import {
  bodyBytes,
  countUnverified,
  isUnsafeBody,
  storableText,
} from '../services/machine_requests.js'
import { returnPayment, sendReturn } from '../services/payment_returns.js'
import { settleRefundNotice } from './settle_refund_notice.js'

export type NoticeOutcome = { outcome: 'applied' | 'duplicate' | 'rejected'; reason?: string }

type AfterCommit = (() => Promise<unknown>)[]

/** The advisory lock CreateOrder holds while it chooses a contract's next charge. */
export const CONTRACT_CHARGE_LOCK = 4201

export class ApplyChannelNotice {
  async handle(
    provider: string,
    raw: RawNotice,
    remoteIp: string | null = null
  ): Promise<NoticeOutcome> {
    let notice: ChannelNotice | null = null
    const after: AfterCommit = []
    const record = (client: { table: TransactionClientContract['table'] }, result: NoticeOutcome) =>
      client.table('channel_notices').insert({
        provider: provider.slice(0, 32),
        kind: notice?.kind ?? null,
        notice_id: notice ? storableText(notice.noticeId, 64) : null,
        body: storableText(raw.body),
        body_bytes: bodyBytes(raw.body, raw.bytes),
        outcome: result.outcome,
        reason: result.reason ? storableText(result.reason, 255) : null,
        remote_ip: remoteIp,
        received_at: new Date(),
      })
    let result: NoticeOutcome
    try {
      const channel = channelNamed(provider)
      notice = channel.parseNotice(raw)
      /* Verified, but not clean text: kept byte for byte, refused so the provider sees it. */
      if (isUnsafeBody(raw.body, raw.bytes))
        throw new NoticeRejected('body is not clean UTF-8 text')
      const parsed = notice
      /* The notice is kept in the same transaction as what it did: one commit per callback. */
      result = await db.transaction(async (trx) => {
        const outcome =
          parsed.kind === 'payment'
            ? await this.#payment(trx, provider, parsed, after)
            : await settleRefundNotice(trx, parsed, after)
        await record(trx, outcome)
        return outcome
      })
    } catch (error) {
      const unknownProvider =
        error instanceof Error && error.message.startsWith('No payment channel')
      if (!(error instanceof NoticeRejected) && !unknownProvider) throw error
      result = { outcome: 'rejected', reason: unknownProvider ? 'unknown provider' : error.message }
      if (unknownProvider || error instanceof NoticeUnverified)
        await countUnverified('pay_notice', result.reason!, remoteIp)
      else await record(db, result)
    }
    for (const task of after) await task()
    return result
  }

  async #payment(
    trx: TransactionClientContract,
    provider: string,
    notice: Extract<ChannelNotice, { kind: 'payment' }>,
    after: AfterCommit
  ): Promise<NoticeOutcome> {
    const payment = await Payment.query({ client: trx })
      .where('number', notice.paymentNumber)
      .where('provider', provider)
      .forUpdate()
      .first()
    if (!payment) return { outcome: 'rejected', reason: 'unknown payment' }
    if (payment.amountFen !== notice.amountFen)
      return {
        outcome: 'rejected',
        reason: `amount ${notice.amountFen} does not match ${payment.amountFen}`,
      }
    if (payment.status === 'succeeded' || payment.status === 'returned') {
      return payment.providerTxnId === notice.providerTxnId
        ? { outcome: 'duplicate' }
        : { outcome: 'rejected', reason: 'payment already settled by another transaction' }
    }
    if (notice.status !== 'succeeded') {
      payment.merge({ status: 'failed' })
      await payment.useTransaction(trx).save()
      return { outcome: 'applied' }
    }
    const unlocked = await Order.findOrFail(payment.orderId, { client: trx })
    /* Taken before the order's row, in CreateOrder's order: a late payment and a new charge of the contract never interleave. */
    if (unlocked.mode === 'prepaid')
      await trx.rawQuery('SELECT pg_advisory_xact_lock(?, ?)', [
        CONTRACT_CHARGE_LOCK,
        unlocked.contractId,
      ])
    const order = await Order.query({ client: trx })
      .where('id', payment.orderId)
      .forUpdate()
      .firstOrFail()
    const refused = payment.consumptionId
      ? await this.#classRefusal(trx, payment, order)
      : await this.#chargeRefusal(trx, order)
    if (refused) {
      const ret = await returnPayment(trx, payment, notice.providerTxnId, refused)
      after.push(() => sendReturn(ret))
      return { outcome: 'applied', reason: `returned to the payer: ${refused}` }
    }
    payment.merge({
      status: 'succeeded',
      providerTxnId: notice.providerTxnId,
      succeededAt: DateTime.now(),
    })
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
      await Consumption.query({ client: trx })
        .where('id', payment.consumptionId)
        .update({
          released_at: new Date(),
          released_fen: trx.raw('fee_fen'),
          status: 'confirmed',
          decided_at: new Date(),
        })
      order.status = settledStatus(order)
      posting = {
        kind: 'pay_later',
        idempotencyKey: `payment:${payment.id}`,
        memo: `先学后付 ${order.number} 课次付款`,
        links: { orderId: order.id, paymentId: payment.id, consumptionId: payment.consumptionId },
        from: accounts.channel(provider, payment.id),
        to: accounts.institution(order.institutionId),
        amountFen: payment.amountFen,
      }
    } else {
      /* A lapsed order nothing replaced is revived by its late payment. */
      order.merge({
        paidFen: payment.amountFen,
        paidAt: DateTime.now(),
        status: 'paid',
        expiresAt: null,
        closedAt: null,
      })
      posting = {
        kind: 'payment',
        idempotencyKey: `payment:${payment.id}`,
        memo: `订单 ${order.number} 预收费入监管账户`,
        links: { orderId: order.id, paymentId: payment.id },
        from: accounts.channel(provider, payment.id),
        to: accounts.supervised(order.institutionId),
        amountFen: payment.amountFen,
      }
    }
    await order.useTransaction(trx).save()
    await setContractStatus(order.contractId, 'active', trx)
    /* In the payment's transaction: a rolled-back payment announces nothing, a committed one cannot lose its event. */
    await publish(trx, 'funds:order_paid', {
      orderId: order.id,
      contractId: order.contractId,
      institutionId: order.institutionId,
      regionCode: order.regionCode,
      amountFen: payment.amountFen,
    })
    await post(trx, posting)
    return { outcome: 'applied' }
  }

  /** Why a prepaid charge's payment must not be applied, or null. */
  async #chargeRefusal(trx: TransactionClientContract, order: Order): Promise<string | null> {
    if (order.paidFen > 0) return 'order already paid by another payment'
    if (order.status === 'awaiting_payment') return null
    if (order.status !== 'cancelled') return `order is ${order.status}`
    const covering = await Order.query({ client: trx })
      .where('contractId', order.contractId)
      .whereNot('id', order.id)
      .whereNot('status', 'cancelled')
      .where('firstClass', '<=', order.lastClass)
      .whereRaw('first_class + class_count - 1 >= ?', [order.firstClass])
      .first()
    if (covering)
      return `order lapsed; classes ${order.firstClass}–${order.lastClass} are covered by order ${covering.number}`
    const contract = await contractSummary(order.contractId)
    if (!contract || contract.status === 'terminated' || contract.status === 'completed')
      return 'order lapsed and its contract is closed'
    return null
  }

  /** Why a class's payment ("learn first, pay later") must not be applied, or null. */
  async #classRefusal(
    trx: TransactionClientContract,
    payment: Payment,
    order: Order
  ): Promise<string | null> {
    const consumption = await Consumption.query({ client: trx })
      .where('id', payment.consumptionId!)
      .where('orderId', order.id)
      .forUpdate()
      .first()
    if (order.mode !== 'pay_later' || !consumption) return 'no such class to pay'
    if (consumption.releasedAt) return `class ${consumption.classNo} is already paid`
    if (consumption.status === 'disputed') return `class ${consumption.classNo} is disputed`
    if (order.paidFen + payment.amountFen > order.amountFen) return 'beyond the order amount'
    return null
  }
}
