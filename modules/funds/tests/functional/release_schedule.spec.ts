import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { definePlugin, type PluginDefinition } from '#plugin_sdk'
import { pluginHost } from '#kernel/plugins/plugin_host'
import { todayIso } from '#kernel/shared/dates'
import { formatYuan } from '#kernel/shared/money'
import { addWorkingDays } from '#kernel/shared/working_days'
import { DomainError } from '#kernel/exceptions/domain_error'
import { contractSummary } from '#modules/catalog'
import { createTestAccount } from '#testing/identity'
import { AnswerClass, RecordClass } from '../../actions/classes.js'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { RecordBankMovements } from '../../actions/record_bank_movements.js'
import { RejectInstruction } from '../../actions/reject_instruction.js'
import { Reconcile } from '../../actions/reconcile.js'
import { DecideRefund } from '../../actions/decide_refund.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { ReleaseConfirmed } from '../../actions/release.js'
import { ReleaseHeldFees } from '../../actions/release_held_fees.js'
import { ResolveInstruction } from '../../actions/resolve_instruction.js'
import ReleaseHeldFeesJob from '../../jobs/release_held_fees_job.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import BankInstruction from '../../models/bank_instruction.js'
import Consumption from '../../models/consumption.js'
import type Order from '../../models/order.js'
import { payOrder, signedNotice } from '../../testing.js'
import { retainAFifth, retainedFifth } from '../release_rules.js'
import { accountOf, assertLedgerClean, movement, orderFixture, userOf } from './helpers.js'

/*
| A province that retains a fifth of each class's fee until 15 working
| days after the order's last class (../release_rules.ts), installed in
| the process's plugin host for Guangxi (450000): the release on
| confirmation, the daily re-ask, refunds and the bank all see it.
*/
const REGION = '450102'
const FEE = 120_00
const RETAINED = retainedFifth(FEE)
/* Orders whose rule answers more than a class has left, or throws, to prove a broken rule moves nothing. */
const broken = new Set<number>()
const throwing = new Set<number>()

const retaining: PluginDefinition = definePlugin({
  id: 'retain_fixture',
  name: { 'zh-CN': '保留两成（测试）', 'en': 'Retain a fifth (test)' },
  version: '0.1.0',
  platform: '^1.0.0',
  regions: ['450000'],
  rules: {
    'funds.release.schedule': (input, ctx) => {
      if (throwing.has(input.order.id)) throw new Error('the rule has a bug')
      return broken.has(input.order.id)
        ? [{ classId: input.confirmed[0]!.id, fen: input.confirmed[0]!.feeFen + 1 }]
        : retainAFifth(input, ctx)
    },
  },
  pins: { 'funds.release.schedule': 2 },
})

function installRetainingPlugin() {
  const installed = [...pluginHost.plugins()]
  pluginHost.install([...installed, retaining])
  return () => pluginHost.install(installed)
}

/** A paid order in the retaining province with its classes 1…`classes` taken and confirmed. */
async function retainedOrder(classes: number) {
  const world = await orderFixture({ regionCode: REGION })
  const payment = await payOrder(world.order)
  const taken: Consumption[] = []
  for (let classNo = 1; classNo <= classes; classNo++) {
    const c = await new RecordClass().handle(world.owner.user, {
      contractId: world.contractId,
      classNo,
    })
    await new AnswerClass().confirm(world.parent.user, c.id)
    taken.push(c)
  }
  await world.order.refresh()
  const contract = await contractSummary(world.contractId)
  const lastClassDate = contract!.classDates[world.order.lastClass - 1]!
  /* The first day the rule pays what it retained: more than 15 working days after the last class. */
  const payday = addWorkingDays(lastClassDate, 16)
  return { ...world, payment, taken, lastClassDate, payday }
}

const releasesOf = (order: Order) =>
  BankInstruction.query()
    .where('orderId', order.id)
    .where('kind', 'release')
    .orderBy('consumptionId')
    .orderBy('tranche')

test.group('Release schedule: retained fees, the daily re-ask, refunds', (group) => {
  group.setup(installRetainingPlugin)
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a fifth of each fee is retained at confirmation and paid by the daily tick after the order ends, once', async ({
    assert,
  }) => {
    const { order, payment, taken, institutionId, payday, lastClassDate } = await retainedOrder(2)
    assert.equal(order.releasedFen, 2 * (FEE - RETAINED))
    assert.equal(
      await balanceOf(db, accounts.supervised(institutionId)),
      order.amountFen - 2 * (FEE - RETAINED)
    )
    const first = await Consumption.findOrFail(taken[0]!.id)
    assert.equal(first.releasedFen, FEE - RETAINED)
    assert.isNull(first.releasedAt, 'a class with a retained share is not fully released')

    /* Asked again on the last class's day and on the 15th working day after it: nothing is due yet. */
    for (const day of [todayIso(), lastClassDate, addWorkingDays(lastClassDate, 15)]) {
      const quiet = await new ReleaseHeldFees().handle(day)
      assert.equal(quiet.failed, 0)
      assert.isAtLeast(quiet.orders, 1)
    }
    assert.lengthOf(await releasesOf(order), 2)

    const paid = await new ReleaseHeldFees().handle(payday)
    assert.equal(paid.failed, 0)
    assert.isAtLeast(paid.released, 2)
    const releases = await releasesOf(order)
    assert.deepEqual(
      releases.map((r) => [r.consumptionId, r.tranche, r.amountFen, r.status]),
      taken.flatMap((c) => [
        [c.id, 1, FEE - RETAINED, 'sent'],
        [c.id, 2, RETAINED, 'sent'],
      ])
    )
    await order.refresh()
    assert.equal(order.releasedFen, 2 * FEE)
    for (const c of taken) {
      const fresh = await Consumption.findOrFail(c.id)
      assert.equal(fresh.releasedFen, FEE)
      assert.isNotNull(fresh.releasedAt)
    }
    const keys = await db
      .from('ledger_transactions')
      .where('order_id', order.id)
      .where('kind', 'release')
      .orderBy('id')
      .select('idempotency_key')
    assert.deepEqual(
      keys.map((k) => k.idempotency_key),
      [
        `release:${taken[0]!.id}`,
        `release:${taken[1]!.id}`,
        `release:${taken[0]!.id}:part:2`,
        `release:${taken[1]!.id}:part:2`,
      ]
    )

    /* The next day's tick finds nothing held: paid once. */
    const again = await new ReleaseHeldFees().handle(addWorkingDays(payday, 1))
    assert.equal(again.failed, 0)
    assert.lengthOf(await releasesOf(order), 4)

    /* The bank pays all four parts: the institution has both fees, reconciliation finds nothing. */
    const { account, bank } = await accountOf(institutionId)
    let balance = order.amountFen
    await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'credit', order.amountFen, balance, payment.number),
      ...releases.map((r) =>
        movement(account.accountNumber, 'debit', r.amountFen, (balance -= r.amountFen), r.number)
      ),
    ])
    assert.equal(await balanceOf(db, accounts.institution(institutionId)), 2 * FEE)
    assert.deepEqual(await new Reconcile().account(await account.refresh()), [])
    await assertLedgerClean(assert)
  })

  test('a refund returns only the classes left; the retained fees of taken classes go to the institution later', async ({
    assert,
  }) => {
    const { order, payment, parent, owner, institutionId, payday } = await retainedOrder(2)
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '孩子转学' })
    assert.equal(refund.amountFen, 10 * FEE, 'the retained share of classes 1–2 is not refundable')
    await new DecideRefund().handle(owner.user, refund.id, { approve: true, reason: null })
    await refund.refresh()
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
    assert.equal(order.refundedFen, 10 * FEE)
    /* What stays held is exactly the retained fifth of the two taken classes. */
    assert.equal(order.heldFen, 2 * RETAINED)
    assert.equal(order.unconsumedFen, 0)
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), 2 * RETAINED)
    /* Plugin reports read report_orders: its totals leave the same retained fifth held. */
    await db.rawQuery(`SELECT set_config('xiaowai.report_scope', '450000', true)`)
    const row = await db.from('report_orders').where('id', order.id).firstOrFail()
    assert.equal(
      Number(row.paid_fen) -
        Number(row.released_fen) -
        Number(row.refunding_fen) -
        Number(row.refunded_fen),
      2 * RETAINED
    )
    assert.equal(row.classes_consumed + row.classes_refunded, row.class_count)
    await assertLedgerClean(assert)

    await new ReleaseHeldFees().handle(payday)
    await order.refresh()
    assert.equal(order.releasedFen, 2 * FEE)
    assert.equal(order.paidFen, order.releasedFen + order.refundedFen)
    assert.equal(order.heldFen, 0)
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), 0)
    await assertLedgerClean(assert)
  })

  test('the statement splits held money into the parent’s refundable fees and retained fees of taken classes', async ({
    client,
    assert,
  }) => {
    const { order, parent, taken } = await retainedOrder(2)
    const page = await client.get(`/parent/orders/${order.id}`).loginAs(await userOf(parent.id))
    assert.equal(page.status(), 200)
    const text = page.text()
    const yuan = (fen: number) => `¥${formatYuan(fen)}`
    const cell = (id: string) =>
      new RegExp(`data-testid="${id}">([^<]*)<`).exec(text)?.[1]?.trim() ?? null
    assert.equal(cell('total-held'), yuan(order.heldFen))
    assert.equal(cell('total-held-refundable'), yuan(10 * FEE))
    assert.equal(cell('total-held-taken'), yuan(2 * RETAINED))
    assert.equal(
      order.paidFen,
      order.releasedFen + order.heldFen + order.refundingFen + order.refundedFen
    )
    assert.include(text, `data-testid="class-${taken[0]!.classNo}-retained"`)
  })

  test('a broken rule releases nothing and the confirmation stands; the tick pays the other orders', async ({
    assert,
  }) => {
    const bad = await retainedOrder(1)
    const good = await retainedOrder(1)
    broken.add(bad.order.id)
    try {
      const result = await new ReleaseHeldFees().handle(bad.payday)
      assert.isAtLeast(result.failed, 1)
      await bad.order.refresh()
      await good.order.refresh()
      assert.equal(bad.order.releasedFen, FEE - RETAINED, 'nothing more released')
      assert.lengthOf(await releasesOf(bad.order), 1)
      assert.equal(good.order.releasedFen, FEE)
      await assert.rejects(
        () => new ReleaseConfirmed().handle(bad.order.id, bad.payday),
        /funds.release.schedule answered for order \d+ \(region 450102\): 12001 fen for class \d+, which has 1 to 2400 fen to release/
      )
      /* The parent's confirmation of the next class stands; its fee waits for a working rule. */
      const next = await new RecordClass().handle(bad.owner.user, {
        contractId: bad.contractId,
        classNo: 2,
      })
      await new AnswerClass().confirm(bad.parent.user, next.id)
      assert.equal((await Consumption.findOrFail(next.id)).status, 'confirmed')
      assert.lengthOf(await releasesOf(bad.order), 1)
      throwing.add(bad.order.id)
      await assert.rejects(
        () => new ReleaseConfirmed().handle(bad.order.id, bad.payday),
        /funds.release.schedule answered for order \d+ \(region 450102\): the rule threw the rule has a bug/
      )
    } finally {
      broken.delete(bad.order.id)
      throwing.delete(bad.order.id)
    }
    /* Once the rule is fixed, the next tick pays both classes. */
    await new ReleaseHeldFees().handle(bad.payday)
    await bad.order.refresh()
    assert.equal(bad.order.releasedFen, 2 * FEE)
    await assertLedgerClean(assert)
  })

  test('a part the bank refused is re-issued; it cannot be reversed while another part of the class is out', async ({
    assert,
  }) => {
    const { order, payment, taken, institutionId, payday } = await retainedOrder(1)
    const { account, bank } = await accountOf(institutionId)
    const [first] = await releasesOf(order)
    await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'credit', order.amountFen, order.amountFen, payment.number),
      movement(
        account.accountNumber,
        'debit',
        first!.amountFen,
        order.amountFen - first!.amountFen,
        first!.number
      ),
    ])
    await new ReleaseHeldFees().handle(payday)
    const second = (await releasesOf(order))[1]!
    assert.equal(second.tranche, 2)
    assert.isTrue(await new RejectInstruction().handle(bank, second.number, '账户冻结'))
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: REGION,
      unitName: '南宁市兴宁区教育局',
    })
    await assert.rejects(
      () => new ResolveInstruction().reverse(county.user, second.id, '撤回'),
      DomainError,
      /funds.instructions.partly_released/
    )
    const reissued = await new ResolveInstruction().reissue(county.user, second.id, '重发')
    assert.equal(reissued.tranche, 2)
    assert.equal(reissued.amountFen, RETAINED)
    /* The class's fee was released once, in two parts; the refused part was not released again. */
    const fresh = await Consumption.findOrFail(taken[0]!.id)
    assert.equal(fresh.releasedFen, FEE)
    await order.refresh()
    assert.equal(order.releasedFen, FEE)
    await new RecordBankMovements().handle(bank, [
      movement(account.accountNumber, 'debit', RETAINED, order.amountFen - FEE, reissued.number),
    ])
    assert.equal(await balanceOf(db, accounts.institution(institutionId)), FEE)
    await assertLedgerClean(assert)
  })

  test('nationally the tick also releases a confirmed class whose release never ran', async ({
    assert,
  }) => {
    const { order, owner, institutionId } = await orderFixture()
    await payOrder(order)
    const c = await new RecordClass().handle(owner.user, {
      contractId: order.contractId,
      classNo: 1,
    })
    /* Confirmed, and the process stopped before the release (AnswerClass releases after its commit). */
    await Consumption.query()
      .where('id', c.id)
      .update({ status: 'confirmed', decided_at: new Date() })
    await ReleaseHeldFeesJob.dispatch({})
    const fresh = await Consumption.findOrFail(c.id)
    assert.isNotNull(fresh.releasedAt)
    assert.equal(fresh.releasedFen, fresh.feeFen)
    await order.refresh()
    assert.equal(order.releasedFen, fresh.feeFen)
    assert.equal(await balanceOf(db, accounts.releasing(institutionId)), fresh.feeFen)
    await assertLedgerClean(assert)
  })
})

/* Committed, not rolled back: the race needs real connections, which one global transaction would serialize. */
test.group('Release schedule: concurrent ticks', (group) => {
  group.setup(installRetainingPlugin)

  test('two ticks and a release racing for the same retained fees pay each part once', async ({
    assert,
  }) => {
    const { order, taken, institutionId, payday } = await retainedOrder(3)
    const outcomes = await Promise.allSettled([
      new ReleaseHeldFees().handle(payday),
      new ReleaseHeldFees().handle(payday),
      new ReleaseConfirmed().handle(order.id, payday),
    ])
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'fulfilled', 'fulfilled']
    )
    const releases = await releasesOf(order)
    assert.deepEqual(
      releases.map((r) => [r.consumptionId, r.tranche, r.amountFen]),
      taken.flatMap((c) => [
        [c.id, 1, FEE - RETAINED],
        [c.id, 2, RETAINED],
      ])
    )
    await order.refresh()
    assert.equal(order.releasedFen, 3 * FEE)
    assert.equal(await balanceOf(db, accounts.releasing(institutionId)), 3 * FEE)
    await assertLedgerClean(assert)
  })
})
