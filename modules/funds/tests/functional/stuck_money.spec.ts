import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { createTestAccount } from '#testing/identity'
import { AnswerClass, RecordClass } from '../../actions/classes.js'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { RecordBankMovements } from '../../actions/record_bank_movements.js'
import { RejectInstruction } from '../../actions/reject_instruction.js'
import { RefundAllUnconsumed } from '../../actions/refund_all_unconsumed.js'
import { DecideRefund } from '../../actions/decide_refund.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { ResendStuckRefunds } from '../../actions/resend_stuck_refunds.js'
import { sandboxChannel, sandboxSettings } from '../../channels/setup.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import BankInstruction from '../../models/bank_instruction.js'
import Consumption from '../../models/consumption.js'
import FundAnomaly from '../../models/fund_anomaly.js'
import Order from '../../models/order.js'
import Refund from '../../models/refund.js'
import { payOrder, signedNotice } from '../../testing.js'
import { GIVE_UP_AFTER_FAILURES } from '../../services/retry.js'
import { accountOf, assertLedgerClean, movement, orderFixture, userOf } from './helpers.js'

/** A paid order with class 1 confirmed: its fee is in `releasing`, its release instruction sent to the bank. */
async function sentRelease() {
  const world = await orderFixture()
  await payOrder(world.order)
  const taken = await new RecordClass().handle(world.owner.user, {
    contractId: world.contractId,
    classNo: 1,
  })
  await new AnswerClass().confirm(world.parent.user, taken.id)
  const { bank } = await accountOf(world.institutionId)
  const instruction = await BankInstruction.query().where('consumptionId', taken.id).firstOrFail()
  return { ...world, taken, bank, instruction }
}

/** The same, with the release instruction rejected by the bank. */
async function rejectedRelease() {
  const world = await sentRelease()
  mustBeTrue(
    await new RejectInstruction().handle(world.bank, world.instruction.number, '监管账户余额不足')
  )
  const county = await createTestAccount({
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
    unitName: '长春市朝阳区教育局',
  })
  return { ...world, county }
}

function mustBeTrue(value: boolean) {
  if (!value) throw new Error('instruction not rejected')
}

/* Finding 21 and 19: money a bank or channel refused always has a way out, and retries never run away. */
test.group('Stuck money has a way out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a rejected release instruction can be re-issued', async ({ client, assert }) => {
    const { instruction, institutionId, county } = await rejectedRelease()
    const response = await client
      .post(`/manage/funds/instructions/${instruction.id}/reissue`)
      .loginAs(await userOf(county.id))
      .withCsrfToken()
      .form({ note: '银行余额已补足，重新发出' })
      .redirects(0)
    assert.equal(response.status(), 302)
    assert.equal((await BankInstruction.findOrFail(instruction.id)).status, 'reissued')
    const next = await BankInstruction.query().where('reissuesId', instruction.id).firstOrFail()
    assert.equal(next.status, 'sent')
    assert.equal(next.amountFen, instruction.amountFen)
    /* The bank executes the new one: the fee reaches the institution once. */
    const { bank, account } = await accountOf(institutionId)
    await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'debit', next.amountFen, 0, next.number),
    ])
    assert.equal(await balanceOf(db, accounts.institution(institutionId)), instruction.amountFen)
    assert.equal(await balanceOf(db, accounts.releasing(institutionId)), 0)
    assert.isNotNull(
      await db
        .from('audit_events')
        .where('action', 'funds.instruction_reissued')
        .where('subject_id', instruction.id)
        .first()
    )
    await assertLedgerClean(assert)
  })

  test('a rejected release instruction can be reversed into supervision with a ledger entry, and the fee refunded', async ({
    client,
    assert,
  }) => {
    const { instruction, order, institutionId, county, taken, parent } = await rejectedRelease()
    const heldBefore = await balanceOf(db, accounts.supervised(institutionId))
    const response = await client
      .post(`/manage/funds/instructions/${instruction.id}/reverse`)
      .loginAs(await userOf(county.id))
      .withCsrfToken()
      .form({ note: '机构已停业，课时费回到监管账户' })
      .redirects(0)
    assert.equal(response.status(), 302)
    assert.equal((await BankInstruction.findOrFail(instruction.id)).status, 'reversed')
    assert.equal(await balanceOf(db, accounts.releasing(institutionId)), 0)
    assert.equal(
      await balanceOf(db, accounts.supervised(institutionId)),
      heldBefore + instruction.amountFen
    )
    assert.isNotNull(
      await db
        .from('ledger_transactions')
        .where('kind', 'reversal')
        .where('instruction_id', instruction.id)
        .first()
    )
    assert.equal((await Consumption.findOrFail(taken.id)).status, 'disputed')
    const refreshed = await Order.findOrFail(order.id)
    assert.equal(refreshed.releasedFen, 0)
    /* Every class is refundable again. */
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '机构停业' })
    assert.equal(refund.classCount, refreshed.classCount)
    await assertLedgerClean(assert)
  })

  test('only the responsible bureau re-issues, and only a rejected instruction', async ({
    client,
    assert,
  }) => {
    const { instruction } = await rejectedRelease()
    const subunit = await createTestAccount({
      role: 'admin',
      adminLevel: 'subunit',
      regionCode: '220104',
    })
    const refused = await client
      .post(`/manage/funds/instructions/${instruction.id}/reissue`)
      .loginAs(await userOf(subunit.id))
      .withCsrfToken()
      .form({ note: '重发' })
      .redirects(0)
    assert.equal(refused.status(), 403)
    const other = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220102',
    })
    assert.equal(
      (
        await client
          .post(`/manage/funds/instructions/${instruction.id}/reissue`)
          .loginAs(await userOf(other.id))
          .withCsrfToken()
          .form({ note: '重发' })
          .redirects(0)
      ).status(),
      404
    )
    assert.equal((await BankInstruction.findOrFail(instruction.id)).status, 'rejected')
  })

  test('a refund that fails after the bank paid it out stays open for reconciliation, not moved back', async ({
    assert,
  }) => {
    const { order, parent, institutionId } = await orderFixture()
    const payment = await payOrder(order)
    /* Before the first class: approved at once, instruction sent. */
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '开课前退费' })
    const instruction = await BankInstruction.query().where('refundId', refund.id).firstOrFail()
    const { bank, account } = await accountOf(institutionId)
    await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'debit', instruction.amountFen, 0, instruction.number),
    ])
    assert.equal((await BankInstruction.findOrFail(instruction.id)).status, 'executed')
    const result = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice({
        event: 'refund.failed',
        out_trade_no: payment.number,
        out_refund_no: refund.number,
        amount_fen: refund.amountFen,
        reason: '原账户已注销',
      })
    )
    assert.equal(result.outcome, 'applied')
    const kept = await Refund.findOrFail(refund.id)
    assert.equal(kept.status, 'refunding')
    assert.equal(kept.failureReason, '原账户已注销')
    /* The money left the account: the ledger does not pretend it came back. */
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), 0)
    assert.equal(await balanceOf(db, accounts.refunding(institutionId)), refund.amountFen)
    assert.lengthOf(
      await FundAnomaly.query()
        .where('institutionId', institutionId)
        .where('kind', 'refund_failed_executed')
        .where('severity', 'red'),
      1
    )
    /* And the parent cannot open a second refund of the same money. */
    await assert.rejects(
      () => new RequestRefund().handle(parent.user, order.id, { reason: '再退一次' }),
      /funds.refunds/
    )
    await assertLedgerClean(assert)
  })

  test('a refund the channel refuses before the bank paid it goes back to supervision and its instruction is cancelled', async ({
    assert,
  }) => {
    const { order, parent, institutionId } = await orderFixture()
    const payment = await payOrder(order)
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '开课前退费' })
    await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice({
        event: 'refund.failed',
        out_trade_no: payment.number,
        out_refund_no: refund.number,
        amount_fen: refund.amountFen,
      })
    )
    assert.equal((await Refund.findOrFail(refund.id)).status, 'failed')
    assert.equal(
      (await BankInstruction.query().where('refundId', refund.id).firstOrFail()).status,
      'cancelled'
    )
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), order.amountFen)
    await assertLedgerClean(assert)
  })

  test('refund-all covers orders already refunding', async ({ assert }) => {
    const { order, parent, owner, contractId, institutionId } = await orderFixture()
    await payOrder(order)
    await new RecordClass().handle(owner.user, { contractId, classNo: 1 })
    const partial = await new RequestRefund().handle(parent.user, order.id, {
      classes: 2,
      reason: '退两课时',
    })
    await new DecideRefund().handle(owner.user, partial.id, { approve: true, reason: null })
    assert.equal((await Order.findOrFail(order.id)).status, 'refunding')
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const result = await new RefundAllUnconsumed().handle(
      county.user,
      institutionId,
      '机构停业，全部退费'
    )
    assert.equal(result.refunds, 1)
    const after = await Order.findOrFail(order.id)
    /* 12 classes: 1 taken, 2 refunding by the parent's request, the other 9 by the bureau. */
    assert.equal(after.classesRefunded, 11)
    assert.equal(after.refundingFen, 11 * order.pricePerClassFen)
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), order.pricePerClassFen)
    /* Run again: nothing left to refund, nothing doubled. */
    assert.equal(
      (await new RefundAllUnconsumed().handle(county.user, institutionId, '再次执行')).refunds,
      0
    )
    await assertLedgerClean(assert)
  })

  test('the refund retry sweep is capped and backs off when the channel is down', async ({
    assert,
  }) => {
    const original = sandboxSettings()
    /* The channel is down (nothing listens there). */
    sandboxChannel.configure({ ...original, url: 'http://127.0.0.1:9' })
    try {
      const ids: number[] = []
      for (let i = 0; i < 5; i++) {
        const world = await orderFixture()
        await payOrder(world.order)
        ids.push(
          (
            await new RequestRefund().handle(world.parent.user, world.order.id, {
              reason: '开课前退费',
            })
          ).id
        )
      }
      /* Stuck for two hours, never retried yet. */
      await db
        .from('refunds')
        .whereIn('id', ids)
        .update({
          send_attempts: 0,
          next_send_at: null,
          decided_at: DateTime.now().minus({ hours: 2 }).toJSDate(),
        })
      const started = Date.now()
      assert.equal(await new ResendStuckRefunds().handle(), 0)
      assert.isBelow(Date.now() - started, 10_000)
      const tried = await db
        .from('refunds')
        .whereIn('id', ids)
        .where('send_attempts', '>', 0)
        .select('next_send_at')
      /* A channel failing again and again ends the run early. */
      assert.lengthOf(tried, GIVE_UP_AFTER_FAILURES)
      for (const row of tried)
        assert.isTrue(DateTime.fromJSDate(row.next_send_at) > DateTime.now().plus({ minutes: 25 }))
      /* The next run takes the ones not tried yet, never the backed-off ones. */
      await new ResendStuckRefunds().handle()
      const attempts = (await db.from('refunds').whereIn('id', ids).select('send_attempts')).map(
        (r) => Number(r.send_attempts)
      )
      assert.deepEqual(attempts, [1, 1, 1, 1, 1])
    } finally {
      sandboxChannel.configure(original)
    }
  })
})

/* A bank's refusal and the bureau's alarm about it are one fact: both commit, or neither. */
test.group('A rejected instruction is never left unannounced', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a rejection whose red anomaly cannot be written is not recorded either', async ({
    assert,
  }) => {
    const { bank, instruction } = await sentRelease()
    await db.rawQuery(
      `CREATE FUNCTION pg_temp_refuse_anomaly() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'anomaly store down'; END $$`
    )
    await db.rawQuery(
      `CREATE TRIGGER refuse_anomaly BEFORE INSERT ON fund_anomalies FOR EACH ROW EXECUTE FUNCTION pg_temp_refuse_anomaly()`
    )
    try {
      await assert.rejects(
        () => new RejectInstruction().handle(bank, instruction.number, '监管账户余额不足'),
        /anomaly store down/
      )
    } finally {
      await db.rawQuery(`DROP TRIGGER refuse_anomaly ON fund_anomalies`)
      await db.rawQuery(`DROP FUNCTION pg_temp_refuse_anomaly()`)
    }
    await instruction.refresh()
    assert.equal(instruction.status, 'sent', 'the bank may report it again')
    assert.isTrue(
      await new RejectInstruction().handle(bank, instruction.number, '监管账户余额不足')
    )
    const alarm = await FundAnomaly.query()
      .where('kind', 'instruction_rejected')
      .whereRaw(`evidence->>'instruction' = ?`, [instruction.number])
      .first()
    assert.exists(alarm)
  })
})

/* Review of the ways out: money the platform no longer asked for never moves again. */
test.group('Withdrawn instructions stay withdrawn', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a bank debit for a re-issued instruction is an alarm, not a second payout', async ({
    client,
    assert,
  }) => {
    const { instruction, institutionId, county } = await rejectedRelease()
    await client
      .post(`/manage/funds/instructions/${instruction.id}/reissue`)
      .loginAs(await userOf(county.id))
      .withCsrfToken()
      .form({ note: '重新发出' })
      .redirects(0)
    const { bank, account } = await accountOf(institutionId)
    await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'debit', instruction.amountFen, 0, instruction.number),
    ])
    assert.equal((await BankInstruction.findOrFail(instruction.id)).status, 'reissued')
    assert.equal(
      await balanceOf(db, accounts.institution(institutionId)),
      0,
      'the withdrawn instruction paid nothing'
    )
    assert.exists(
      await FundAnomaly.query()
        .where('kind', 'unmatched_debit')
        .where('institutionId', institutionId)
        .first()
    )
    const next = await BankInstruction.query().where('reissuesId', instruction.id).firstOrFail()
    await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'debit', next.amountFen, 0, next.number),
    ])
    assert.equal(
      await balanceOf(db, accounts.institution(institutionId)),
      instruction.amountFen,
      'paid once, by the live instruction'
    )
    await assertLedgerClean(assert)
  })

  test('a reversed class fee confirmed again is released afresh, with its own posting', async ({
    client,
    assert,
  }) => {
    const { instruction, institutionId, county, taken, parent } = await rejectedRelease()
    await client
      .post(`/manage/funds/instructions/${instruction.id}/reverse`)
      .loginAs(await userOf(county.id))
      .withCsrfToken()
      .form({ note: '银行拒付，撤回' })
      .redirects(0)
    await new AnswerClass().confirm(parent.user, taken.id)
    const again = await BankInstruction.query()
      .where('consumptionId', taken.id)
      .where('status', 'sent')
      .firstOrFail()
    assert.notEqual(again.id, instruction.id)
    assert.equal(
      await balanceOf(db, accounts.releasing(institutionId)),
      instruction.amountFen,
      'the fee really moved to releasing again'
    )
    const { bank, account } = await accountOf(institutionId)
    const [outcome] = await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'debit', again.amountFen, 0, again.number),
    ])
    assert.equal(outcome!.matched, 'instruction')
    assert.equal(await balanceOf(db, accounts.institution(institutionId)), instruction.amountFen)
    await assertLedgerClean(assert)
  })

  test('a refused refund instruction is re-issued, never reversed (the channel may already pay the parent)', async ({
    client,
    assert,
  }) => {
    const { order, parent, institutionId } = await orderFixture()
    await payOrder(order)
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '开课前退费' })
    const instruction = await BankInstruction.query().where('refundId', refund.id).firstOrFail()
    const { bank } = await accountOf(institutionId)
    mustBeTrue(await new RejectInstruction().handle(bank, instruction.number, '账户冻结'))
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    await client
      .post(`/manage/funds/instructions/${instruction.id}/reverse`)
      .loginAs(await userOf(county.id))
      .withCsrfToken()
      .form({ note: '撤回' })
      .redirects(0)
    assert.equal((await BankInstruction.findOrFail(instruction.id)).status, 'rejected')
    assert.equal((await Refund.findOrFail(refund.id)).status, 'refunding')
    assert.isNull(
      await db
        .from('ledger_transactions')
        .where('kind', 'reversal')
        .where('instruction_id', instruction.id)
        .first()
    )
  })

  test('a bank report with a reference that is not text is refused, not a 500', async ({
    assert,
  }) => {
    const { order, institutionId } = await orderFixture()
    await payOrder(order)
    const { bank, account } = await accountOf(institutionId)
    const [outcome] = await new RecordBankMovements().handle(bank, [
      { ...movement(account.accountNumber, 'debit', 100, 0, null), reference: { $ne: 1 } },
    ])
    assert.equal(outcome!.outcome, 'rejected')
    assert.equal(outcome!.reason, 'reference must be a string')
  })
})
