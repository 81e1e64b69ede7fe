import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { AnswerClass, AutoConfirmClasses, RecordClass } from '../../actions/classes.js'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { RecordBankMovements } from '../../actions/record_bank_movements.js'
import { Reconcile } from '../../actions/reconcile.js'
import { DecideRefund } from '../../actions/decide_refund.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { SettleOverdueRefunds } from '../../actions/settle_overdue_refunds.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import BankInstruction from '../../models/bank_instruction.js'
import Consumption from '../../models/consumption.js'
import FundAnomaly from '../../models/fund_anomaly.js'
import Order from '../../models/order.js'
import Refund from '../../models/refund.js'
import { payOrder, signedNotice } from '../../testing.js'
import { accountOf, assertLedgerClean, movement, orderFixture } from './helpers.js'

test.group('Money flow: pay, consume, release, refund', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a paid order holds the money; confirmed classes release it; the rest is refunded to the channel', async ({
    assert,
  }) => {
    const { order, parent, owner, institutionId } = await orderFixture()
    assert.equal(order.status, 'awaiting_payment')
    assert.equal(order.amountFen, 12 * 120_00)
    const payment = await payOrder(order)
    assert.equal(order.status, 'paid')
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), 144_000)

    const first = await new RecordClass().handle(owner.user, {
      contractId: order.contractId,
      classNo: 1,
    })
    const second = await new RecordClass().handle(owner.user, {
      contractId: order.contractId,
      classNo: 2,
    })
    await new AnswerClass().confirm(parent.user, first.id)
    await new AnswerClass().confirm(parent.user, second.id)
    await order.refresh()
    assert.equal(order.releasedFen, 24_000)
    assert.equal(order.status, 'in_progress')
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), 120_000)
    assert.equal(await balanceOf(db, accounts.releasing(institutionId)), 24_000)

    /* The bank reports the payment arriving and executes both release instructions. */
    const { account, bank } = await accountOf(institutionId)
    const releases = await BankInstruction.query()
      .where('orderId', order.id)
      .where('kind', 'release')
      .orderBy('id')
    assert.lengthOf(releases, 2)
    const results = await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'credit', 144_000, 144_000, payment.number),
      movement(account.accountNumber, 'debit', 12_000, 132_000, releases[0]!.number),
      movement(account.accountNumber, 'debit', 12_000, 120_000, releases[1]!.number),
    ])
    assert.deepEqual(
      results.map((r) => r.matched),
      ['payment', 'instruction', 'instruction']
    )
    assert.equal(await balanceOf(db, accounts.institution(institutionId)), 24_000)
    assert.deepEqual(await new Reconcile().account(await account.refresh()), [])

    /* The parent asks for the rest; the institution approves; the channel confirms. */
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '孩子转学' })
    assert.equal(refund.status, 'requested')
    assert.equal(refund.amountFen, 10 * 120_00)
    await new DecideRefund().handle(owner.user, refund.id, { approve: true, reason: null })
    await refund.refresh()
    assert.equal(refund.status, 'refunding')
    await order.refresh()
    assert.equal(order.status, 'refunding')
    const outcome = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice({
        event: 'refund.succeeded',
        out_trade_no: payment.number,
        out_refund_no: refund.number,
        amount_fen: refund.amountFen,
      })
    )
    assert.equal(outcome.outcome, 'applied')
    await order.refresh()
    assert.equal(order.status, 'completed')
    assert.equal(order.refundedFen, 120_000)
    assert.equal(order.paidFen, order.releasedFen + order.refundedFen)
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), 0)
    const contract = await db.from('contracts').where('id', order.contractId).first()
    assert.equal(contract.status, 'terminated')
    await assertLedgerClean(assert)
  })

  test('before the first class a refund is full and needs nobody’s approval', async ({
    assert,
  }) => {
    const { order, parent } = await orderFixture()
    await payOrder(order)
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '时间冲突' })
    assert.equal(refund.status, 'refunding')
    assert.equal(refund.approvedBy, 'before_start')
    assert.equal(refund.amountFen, order.amountFen)
    await assertLedgerClean(assert)
  })

  test('silence confirms a class after 15 working days and an unanswered refund after 5', async ({
    assert,
  }) => {
    const { order, parent, owner } = await orderFixture()
    await payOrder(order)
    const c = await new RecordClass().handle(owner.user, {
      contractId: order.contractId,
      classNo: 1,
    })
    const due = c.confirmDueOn.toISODate()!
    await new AutoConfirmClasses().handle(due)
    assert.equal(
      (await Consumption.findOrFail(c.id)).status,
      'pending',
      'not before the deadline has passed'
    )
    const next = new Date(`${due}T00:00:00Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    await new AutoConfirmClasses().handle(next.toISOString().slice(0, 10))
    const confirmed = await Consumption.findOrFail(c.id)
    assert.equal(confirmed.status, 'auto_confirmed')
    assert.isNotNull(confirmed.releasedAt)

    const refund = await new RequestRefund().handle(parent.user, order.id, {
      classes: 3,
      reason: '课程调整',
    })
    assert.equal(refund.status, 'requested')
    const answerDue = refund.answerDueOn.toISODate()!
    await new SettleOverdueRefunds().handle(answerDue)
    assert.equal((await Refund.findOrFail(refund.id)).status, 'requested')
    const after = new Date(`${answerDue}T00:00:00Z`)
    after.setUTCDate(after.getUTCDate() + 1)
    await new SettleOverdueRefunds().handle(after.toISOString().slice(0, 10))
    const approved = await Refund.findOrFail(refund.id)
    assert.equal(approved.status, 'refunding')
    assert.equal(approved.approvedBy, 'deadline')
    assert.equal(approved.amountFen, 3 * 120_00)
    await assertLedgerClean(assert)
  })

  test('a disputed class releases nothing and becomes refundable', async ({ assert }) => {
    const { order, parent, owner, institutionId } = await orderFixture()
    await payOrder(order)
    const c = await new RecordClass().handle(owner.user, {
      contractId: order.contractId,
      classNo: 1,
    })
    await new AnswerClass().dispute(parent.user, c.id, '当天停课')
    await order.refresh()
    assert.equal(order.classesConsumed, 0)
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), order.amountFen)
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '停课未补' })
    assert.equal(refund.classCount, 12)
  })
})

test.group('Money flow: bad input moves no money', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('forged, replayed-with-other-amount and unknown callbacks are rejected with a reason; verified ones are recorded, forged ones only counted', async ({
    assert,
  }) => {
    const { order } = await orderFixture()
    const payment = await payOrder(order)
    const paidBefore = order.paidFen
    const forged = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice(
        {
          event: 'payment.succeeded',
          out_trade_no: payment.number,
          transaction_id: 'X',
          amount_fen: 1,
        },
        { secret: 'not-the-secret' }
      )
    )
    assert.deepEqual(forged, { outcome: 'rejected', reason: 'signature bad_signature' })
    const stale = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice(
        {
          event: 'payment.succeeded',
          out_trade_no: payment.number,
          transaction_id: 'X',
          amount_fen: payment.amountFen,
        },
        { timestamp: String(Math.floor(Date.now() / 1000) - 3600) }
      )
    )
    assert.equal(stale.reason, 'signature stale')
    const unknown = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice({
        event: 'payment.succeeded',
        out_trade_no: 'P-NOPE',
        transaction_id: 'X',
        amount_fen: 100,
      })
    )
    assert.equal(unknown.reason, 'unknown payment')
    const duplicate = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice({
        event: 'payment.succeeded',
        out_trade_no: payment.number,
        transaction_id: payment.providerTxnId,
        amount_fen: payment.amountFen,
      })
    )
    assert.equal(duplicate.outcome, 'duplicate')
    const other = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice({
        event: 'payment.succeeded',
        out_trade_no: payment.number,
        transaction_id: 'ANOTHER',
        amount_fen: payment.amountFen,
      })
    )
    assert.equal(other.outcome, 'rejected')
    await order.refresh()
    assert.equal(order.paidFen, paidBefore)
    const recorded = await db
      .from('channel_notices')
      .where('body', 'like', `%${payment.number}%`)
      .select('outcome', 'reason')
    assert.includeDeepMembers(recorded, [
      { outcome: 'rejected', reason: 'payment already settled by another transaction' },
      { outcome: 'duplicate', reason: null },
    ])
    /* A forged notice is nobody's: it is counted per minute, never stored in full (finding 22). */
    assert.notDeepInclude(recorded, { outcome: 'rejected', reason: 'signature bad_signature' })
    const counted = await db
      .from('machine_request_counts')
      .where('endpoint', 'pay_notice')
      .where('reason', 'signature bad_signature')
      .sum('count as n')
      .first()
    assert.isAtLeast(Number(counted.n), 1)
    await assertLedgerClean(assert)
  })

  test('a refund larger than the unconsumed balance is refused', async ({ assert }) => {
    const { order, parent, owner } = await orderFixture()
    await payOrder(order)
    await new RecordClass().handle(owner.user, { contractId: order.contractId, classNo: 1 })
    await assert.rejects(
      () => new RequestRefund().handle(parent.user, order.id, { classes: 12, reason: '全部退' }),
      /funds.refunds.too_many/
    )
    assert.equal(
      await Refund.query()
        .where('orderId', order.id)
        .count('* as n')
        .first()
        .then((r: any) => Number(r.$extras.n)),
      0
    )
  })

  test('a bank report for an account it does not hold is rejected and changes nothing', async ({
    assert,
  }) => {
    const a = await orderFixture()
    const b = await orderFixture({ regionCode: '220102' })
    await payOrder(a.order)
    await payOrder(b.order)
    const { bank } = await accountOf(a.institutionId)
    const [result] = await new RecordBankMovements().handle(bank, [
      movement('6222000000000000000', 'debit', 100, 0, null),
    ])
    assert.equal(result!.outcome, 'rejected')
    assert.equal(result!.reason, 'account is not a supervised account of this bank')
  })

  test('money leaving a supervised account without an instruction raises a red anomaly at once', async ({
    assert,
  }) => {
    const { order, institutionId } = await orderFixture()
    const payment = await payOrder(order)
    const { account, bank } = await accountOf(institutionId)
    await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'credit', order.amountFen, order.amountFen, payment.number),
    ])
    await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'debit', 50_000, order.amountFen - 50_000, 'withdrawal'),
    ])
    const anomalies = await FundAnomaly.query()
      .where('institutionId', institutionId)
      .where('status', 'open')
    assert.includeMembers(
      anomalies.map((x) => x.kind),
      ['unmatched_debit']
    )
    const raised = await new Reconcile().account(await account.refresh())
    assert.includeMembers(raised, ['balance_mismatch', 'under_covered'])
    const mismatch = await FundAnomaly.query()
      .where('institutionId', institutionId)
      .where('kind', 'balance_mismatch')
      .firstOrFail()
    assert.equal(mismatch.severity, 'red')
    assert.equal((mismatch.evidence as any).differenceFen, -50_000)
    /* Running again raises nothing new while the first is open. */
    assert.deepEqual(await new Reconcile().account(await account.refresh()), [])
  })

  test('paid money that never reaches the supervised account is flagged after the grace period', async ({
    assert,
  }) => {
    const { order, institutionId } = await orderFixture()
    await payOrder(order)
    const { account } = await accountOf(institutionId)
    const { DateTime } = await import('luxon')
    assert.deepEqual(await new Reconcile().account(account, DateTime.now().plus({ hours: 1 })), [])
    assert.deepEqual(await new Reconcile().account(account, DateTime.now().plus({ hours: 49 })), [
      'payment_not_settled',
    ])
  })

  test('a refund callback for an unknown refund or a wrong amount moves nothing', async ({
    assert,
  }) => {
    const { order, parent } = await orderFixture()
    const payment = await payOrder(order)
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '不想上了' })
    const wrong = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice({
        event: 'refund.succeeded',
        out_trade_no: payment.number,
        out_refund_no: refund.number,
        amount_fen: refund.amountFen + 1,
      })
    )
    assert.equal(wrong.outcome, 'rejected')
    const unknown = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice({
        event: 'refund.succeeded',
        out_trade_no: payment.number,
        out_refund_no: `R${randomUUID()}`,
        amount_fen: 100,
      })
    )
    assert.equal(unknown.reason, 'unknown refund')
    await order.refresh()
    assert.equal(order.refundedFen, 0)
    assert.equal((await Order.findOrFail(order.id)).status, 'refunding')
  })
})
