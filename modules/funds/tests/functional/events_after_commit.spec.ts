import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import Payment from '../../models/payment.js'
import { businessNumber } from '../../services/numbers.js'
import { signedNotice } from '../../testing.js'
import { orderFixture } from './helpers.js'

/** Order ids of the funds:order_paid deliveries seen while a test runs. */
function listenOrderPaid() {
  const seen: number[] = []
  const listener = (event: { orderId: number }) => void seen.push(event.orderId)
  emitter.on('funds:order_paid', listener)
  return { seen, stop: () => emitter.off('funds:order_paid', listener) }
}

async function pendingPayment() {
  const world = await orderFixture()
  const payment = await Payment.create({
    number: businessNumber('P'),
    orderId: world.order.id,
    consumptionId: null,
    provider: 'sandbox',
    amountFen: world.order.amountFen,
    status: 'pending',
  })
  const notice = () =>
    signedNotice({
      event: 'payment.succeeded',
      out_trade_no: payment.number,
      transaction_id: `T${payment.id}${randomUUID().slice(0, 8)}`,
      amount_fen: payment.amountFen,
    })
  return { ...world, payment, notice }
}

/* Funds events go through the outbox: written with the money movement, delivered after its commit, once. */
/* Committed, not rolled back: it checks what happens after a real commit (and after a rollback). */
test.group('Funds events after commit', () => {
  test('a payment notice delivered twenty times at once announces the paid order exactly once, from a committed outbox row', async ({
    assert,
  }) => {
    const { order, payment } = await pendingPayment()
    const body = signedNotice({
      event: 'payment.succeeded',
      out_trade_no: payment.number,
      transaction_id: `T${randomUUID()}`,
      amount_fen: payment.amountFen,
    })
    const probe = listenOrderPaid()
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => new ApplyChannelNotice().handle('sandbox', body))
      )
      assert.equal(results.filter((r) => r.outcome === 'applied').length, 1)
      await drainOutbox()
    } finally {
      probe.stop()
    }
    assert.deepEqual(
      probe.seen.filter((id) => id === order.id),
      [order.id],
      'delivered once'
    )
    const rows = await db
      .from('outbox_events')
      .where('event', 'funds:order_paid')
      .whereRaw(`(payload->>'orderId')::int = ?`, [order.id])
    assert.lengthOf(rows, 1, 'one durable event row, written with the payment')
    assert.isNotNull(rows[0].delivered_at)
  })

  test('a payment notice whose transaction rolls back announces nothing', async ({ assert }) => {
    const { order, payment, notice } = await pendingPayment()
    /* The notice's own record is the transaction's last write; failing it rolls the whole payment back. */
    await db.rawQuery(
      `CREATE FUNCTION pg_temp_refuse_notice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'notice store down'; END $$`
    )
    await db.rawQuery(
      `CREATE TRIGGER refuse_notice BEFORE INSERT ON channel_notices FOR EACH ROW EXECUTE FUNCTION pg_temp_refuse_notice()`
    )
    const probe = listenOrderPaid()
    try {
      await assert.rejects(
        () => new ApplyChannelNotice().handle('sandbox', notice()),
        /notice store down/
      )
      await drainOutbox()
    } finally {
      probe.stop()
      await db.rawQuery(`DROP TRIGGER refuse_notice ON channel_notices`)
      await db.rawQuery(`DROP FUNCTION pg_temp_refuse_notice()`)
    }
    assert.notInclude(probe.seen, order.id)
    assert.lengthOf(
      await db
        .from('outbox_events')
        .where('event', 'funds:order_paid')
        .whereRaw(`(payload->>'orderId')::int = ?`, [order.id]),
      0
    )
    await payment.refresh()
    assert.equal(payment.status, 'pending', 'the payment itself rolled back too')
  })
})
