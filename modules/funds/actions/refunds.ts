/*
| Refunds of unconsumed classes, to the original payment channel (Art. 18).
| The parent asks; before the first class the refund is full and needs
| nobody's approval; otherwise the institution approves or declines with a
| reason, and silence for 5 working days is approval. The amount is always
| recomputed from the order under its row lock when money moves, and the
| order's CHECK constraint refuses any refund beyond what was paid and not
| used: two racing requests can never pay out twice.
*/
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { ForbiddenException } from '#kernel/exceptions/forbidden_exception'
import { todayIso } from '#kernel/shared/dates'
import { toRegionCode } from '#kernel/shared/region_code'
import { workingDeadline } from '../services/deadlines.js'
import { type CurrentUser, institutionActedFor, sameOwnerOr404 } from '#modules/identity'
import { channelNamed } from '../channels/channel.js'
import { fundDeadlines } from '../extension_points.js'
import { accounts, post } from '../ledger/ledger.js'
import BankInstruction from '../models/bank_instruction.js'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import Payment from '../models/payment.js'
import Refund from '../models/refund.js'
import type SupervisedAccount from '../models/supervised_account.js'
import { businessNumber } from '../services/numbers.js'
import { settledStatus, unconsumedClasses } from '../services/order_state.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'
import { payFromOpenAccount } from './transfer_supervised_funds.js'
import { notifyUrl } from './start_payment.js'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import PaymentReturn from '../models/payment_return.js'
import { sendReturn } from '../services/payment_returns.js'
import {
  FIRST_RETRY_MINUTES,
  GIVE_UP_AFTER_FAILURES,
  RETRY_BATCH,
  nextSendAt,
} from '../services/retry.js'

export class RequestRefund {
  async handle(
    parent: CurrentUser,
    orderId: number,
    input: { classes?: number; reason: string },
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
        if (!started) await approve(trx, account, created, 'before_start', null, null)
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

/** Moves the money under the order's lock: supervised → refunding, and tells the bank. */
async function approve(
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

async function institutionsRefund(actor: CurrentUser, refundId: number) {
  const refund = await Refund.find(refundId)
  if (!refund) throw new NotFoundException()
  sameOwnerOr404(refund.institutionId, institutionActedFor(actor))
  /* Least privilege: staff record attendance and answer customers; deciding where money goes is the owner's. */
  if (actor.role !== 'institution_owner') throw new ForbiddenException()
  return refund
}

export class DecideRefund {
  async handle(
    actor: CurrentUser,
    refundId: number,
    input: { approve: boolean; reason: string | null }
  ) {
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
      if (input.approve) await approve(trx, account, locked, 'institution', actor.id, input.reason)
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
      return locked
    })
    if (refund.status === 'refunding') await sendToChannel(refund)
    return refund
  }
}

export class WithdrawRefund {
  async handle(parent: CurrentUser, refundId: number) {
    /* Another parent's refund, or none: the same 404 every owner check answers. */
    const own = await db
      .from('refunds')
      .where('id', refundId)
      .where('parent_user_id', parent.id)
      .select('id')
      .first()
    if (!own) throw new NotFoundException()
    const withdrawn = await db
      .from('refunds')
      .where('id', refundId)
      .where('parent_user_id', parent.id)
      .where('status', 'requested')
      .update({ status: 'withdrawn', decided_at: new Date(), updated_at: new Date() })
      .returning('id')
    if (!withdrawn.length) throw new DomainError('funds.refunds.already_decided')
  }
}

/** Daily: requests the institution left unanswered past the deadline are approved; refunds the channel has not taken are sent again. */
export class SettleOverdueRefunds {
  async handle(today = todayIso()): Promise<{ approved: number; resent: number }> {
    const overdue = await Refund.query()
      .where('status', 'requested')
      .where('answerDueOn', '<', today)
      .select('id', 'institutionId')
    let approved = 0
    for (const { id, institutionId } of overdue) {
      const account = await supervisedAccountOf(institutionId)
      const refund = await db.transaction(async (trx) => {
        const locked = await Refund.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
        if (locked.status !== 'requested') return null
        await approve(trx, account, locked, 'deadline', null, '机构逾期未答复，视为同意')
        return locked
      })
      if (refund?.status === 'refunding') {
        approved++
        await sendToChannel(refund)
      }
    }
    return { approved, resent: await new ResendStuckRefunds().handle() }
  }
}

/**
 * Refunds and payment returns the channel has not settled are sent again,
 * a bounded batch per run, each on its own backoff; a channel that fails
 * several times in a row ends the run (finding 19: the sweep never runs for
 * hours or crowds out the other deadlines).
 */
export class ResendStuckRefunds {
  async handle(now = DateTime.now()): Promise<number> {
    const due = (q: any) =>
      q
        .where((w: any) => w.whereNull('nextSendAt').orWhere('nextSendAt', '<=', now.toJSDate()))
        .orderByRaw('next_send_at NULLS FIRST, id')
        .limit(RETRY_BATCH)
    const refunds = await due(
      Refund.query()
        .where('status', 'refunding')
        .where('decidedAt', '<', now.minus({ minutes: FIRST_RETRY_MINUTES }).toJSDate())
    )
    const returns = await due(PaymentReturn.query().where('status', 'returning'))
    const work = [
      ...refunds.map((r: Refund) => () => sendToChannel(r)),
      ...returns.map((r: PaymentReturn) => () => sendReturn(r)),
    ].slice(0, RETRY_BATCH)
    let sent = 0
    let failures = 0
    for (const send of work) {
      if (await send()) {
        sent++
        failures = 0
      } else if (++failures >= GIVE_UP_AFTER_FAILURES) break
    }
    return sent
  }
}

/**
 * An institution that stops abnormally ("跑路"): the responsible bureau
 * orders every unconsumed fee refunded from the supervised account, without
 * waiting for the institution (Beijing and Chengdu rules; Art. 18). Each
 * open order gets a refund approved by the bureau; a parent's pending
 * request is approved in its place. An order already refunding part of its
 * classes gets a bureau refund of the rest beside it (the bureau's refund
 * has its own one-open-per-order index), so no unconsumed fee is left out.
 */
export class BureauRefundAll {
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
        await approve(trx, account, target, 'bureau', actor.id, reason)
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
