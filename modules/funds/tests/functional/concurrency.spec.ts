import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { RecordClass } from '../../actions/classes.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import Payment from '../../models/payment.js'
import Refund from '../../models/refund.js'
import { businessNumber } from '../../services/numbers.js'
import { payOrder, signedNotice } from '../../testing.js'
import { assertLedgerClean, orderFixture } from './helpers.js'

/* These run against the real PostgreSQL with real concurrency: each call takes its own pooled connection. */
/* Committed, not rolled back: each race needs real connections, which one global transaction would serialize. */
test.group('Concurrency', () => {
  test('twenty refund requests racing for one order pay out the unconsumed fees once', async ({
    assert,
  }) => {
    const { order, parent, owner, institutionId } = await orderFixture()
    await payOrder(order)
    await new RecordClass().handle(owner.user, { contractId: order.contractId, classNo: 1 })
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        new RequestRefund().handle(parent.user, order.id, { reason: '并发退费' })
      )
    )
    const accepted = outcomes.filter((o) => o.status === 'fulfilled')
    assert.lengthOf(accepted, 1)
    for (const o of outcomes)
      if (o.status === 'rejected')
        assert.match(String(o.reason?.messageKey ?? o.reason), /funds.refunds.already_open/)
    assert.lengthOf(await Refund.query().where('orderId', order.id), 1)
    await order.refresh()
    assert.isAtMost(order.refundingFen + order.refundedFen + order.releasedFen, order.paidFen)
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), order.amountFen)
    await assertLedgerClean(assert)
  })

  test('refunds racing before classes start (approved at once) never exceed what was paid', async ({
    assert,
  }) => {
    const { order, parent, institutionId } = await orderFixture()
    await payOrder(order)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        new RequestRefund().handle(parent.user, order.id, { classes: 1 + (i % 12), reason: '并发' })
      )
    )
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1)
    await order.refresh()
    const refunding = await balanceOf(db, accounts.refunding(institutionId))
    assert.equal(refunding, order.refundingFen)
    assert.equal(
      refunding + (await balanceOf(db, accounts.supervised(institutionId))),
      order.amountFen
    )
    await assertLedgerClean(assert)
  })

  test('the same payment callback delivered twenty times at once (more than the connection pool) is applied once', async ({
    assert,
  }) => {
    const { order, institutionId } = await orderFixture()
    const payment = await Payment.create({
      number: businessNumber('P'),
      orderId: order.id,
      consumptionId: null,
      provider: 'sandbox',
      amountFen: order.amountFen,
      status: 'pending',
    })
    const txn = `T${randomUUID()}`
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        new ApplyChannelNotice().handle(
          'sandbox',
          signedNotice({
            event: 'payment.succeeded',
            out_trade_no: payment.number,
            transaction_id: txn,
            amount_fen: payment.amountFen,
          })
        )
      )
    )
    assert.equal(results.filter((r) => r.outcome === 'applied').length, 1)
    assert.equal(results.filter((r) => r.outcome === 'duplicate').length, 19)
    await order.refresh()
    assert.equal(order.paidFen, order.amountFen)
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), order.amountFen)
    await assertLedgerClean(assert)
  })

  test('a refund callback racing a repeated refund callback and a new refund request settles once', async ({
    assert,
  }) => {
    const { order, parent } = await orderFixture()
    const payment = await payOrder(order)
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '退费' })
    const notice = () =>
      new ApplyChannelNotice().handle(
        'sandbox',
        signedNotice({
          event: 'refund.succeeded',
          out_trade_no: payment.number,
          out_refund_no: refund.number,
          amount_fen: refund.amountFen,
        })
      )
    const results = await Promise.allSettled([
      notice(),
      notice(),
      new RequestRefund().handle(parent.user, order.id, { reason: '再退一次' }),
      notice(),
    ])
    const applied = results.filter(
      (r) => r.status === 'fulfilled' && (r.value as any)?.outcome === 'applied'
    )
    assert.lengthOf(applied, 1)
    await order.refresh()
    assert.equal(order.refundedFen, order.amountFen)
    assert.equal(order.status, 'refunded')
    await assertLedgerClean(assert)
  })
})
