import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { RecordClass } from '../../actions/classes.js'
import { CreateOrder } from '../../actions/create_order.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import Consumption from '../../models/consumption.js'
import Order from '../../models/order.js'
import Payment from '../../models/payment.js'
import { businessNumber } from '../../services/numbers.js'
import { signedNotice } from '../../testing.js'
import { assertLedgerClean, orderFixture, userOf } from './helpers.js'

test.group('Learn first, pay later', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the parent pays each class after it is taken; nothing is ever held', async ({
    client,
    assert,
  }) => {
    const {
      order: prepaid,
      parent,
      owner,
      contractId,
      institutionId,
    } = await orderFixture({ course: { payAfterClass: true } })
    const chosen = await client
      .post(`/parent/contracts/${contractId}/orders`)
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .form({ mode: 'pay_later' })
      .redirects(0)
    assert.equal(chosen.status(), 302)
    /* The unpaid prepaid order gives way to the pay-later one. */
    assert.equal((await Order.findOrFail(prepaid.id)).status, 'cancelled')
    const order = await Order.query()
      .where('contractId', contractId)
      .where('mode', 'pay_later')
      .firstOrFail()
    assert.equal(chosen.header('location'), `/parent/orders/${order.id}`)
    assert.equal(order.classCount, 12)
    assert.equal(order.paidFen, 0)

    const taken = await new RecordClass().handle(owner.user, { contractId, classNo: 1 })
    const payment = await Payment.create({
      number: businessNumber('P'),
      orderId: order.id,
      consumptionId: taken.id,
      provider: 'sandbox',
      amountFen: taken.feeFen,
      status: 'pending',
    })
    const result = await new ApplyChannelNotice().handle(
      'sandbox',
      signedNotice({
        event: 'payment.succeeded',
        out_trade_no: payment.number,
        transaction_id: `T${randomUUID()}`,
        amount_fen: taken.feeFen,
      })
    )
    assert.equal(result.outcome, 'applied')
    await order.refresh()
    assert.equal(order.paidFen, taken.feeFen)
    assert.equal(order.heldFen, 0)
    assert.equal(await balanceOf(db, accounts.supervised(institutionId)), 0)
    assert.equal(await balanceOf(db, accounts.institution(institutionId)), taken.feeFen)
    const paid = await Consumption.findOrFail(taken.id)
    assert.equal(paid.status, 'confirmed')
    assert.isNotNull(paid.releasedAt)
    await assert.rejects(
      () => new RequestRefund().handle(parent.user, order.id, { reason: '无预付' }),
      /funds.refunds.not_refundable/
    )
    const page = await client.get(`/parent/orders/${order.id}`).loginAs(await userOf(parent.id))
    assert.notInclude(page.text(), 'data-testid="pay-class-1"')
    await assertLedgerClean(assert)
  })

  test('a course that does not offer it refuses it, and a prepaid contract cannot switch', async ({
    assert,
  }) => {
    const plain = await orderFixture()
    await assert.rejects(
      () => new CreateOrder().handle(plain.parent.user, plain.contractId, { mode: 'pay_later' }),
      /funds.orders.pay_later_not_offered/
    )
    const offered = await orderFixture({ course: { payAfterClass: true } })
    const { payOrder } = await import('../../testing.js')
    await payOrder(offered.order)
    await assert.rejects(
      () =>
        new CreateOrder().handle(offered.parent.user, offered.contractId, { mode: 'pay_later' }),
      /funds.orders.pay_later_after_prepaid/
    )
  })
})
