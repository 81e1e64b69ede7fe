import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { test } from '@japa/runner'
import { contractSummary, freezeSales, liftSalesFreezes } from '#modules/catalog'
import { signedContractFixture } from '#testing/catalog'
import { createTestAccount } from '#testing/identity'
import { CreateOrder } from '../../actions/create_order.js'
import { StartPayment } from '../../actions/start_payment.js'
import Payment from '../../models/payment.js'
import { continuesSale } from '../../services/sale_continues.js'
import Order from '../../models/order.js'
import { payOrder } from '../../testing.js'
import { orderFixture } from './helpers.js'

const freeze = (institutionId: number) =>
  db.transaction((trx) =>
    freezeSales(trx, [
      {
        institutionId,
        source: 'credit_risk',
        ref: `warning-${institutionId}`,
        reasonKey: 'catalog.contracts.sales_frozen',
      },
    ])
  )

test.group('Charges under a sales freeze', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a freeze refuses first charges but not the next charge of a paid contract', async ({
    assert,
  }) => {
    /* Six classes a charge: after the first paid charge, six are left, so a renewal is due. */
    const { order, parent, contractId, institutionId } = await orderFixture({
      course: { classesPerCharge: 6 },
    })
    await payOrder(order)
    const courseId = (await contractSummary(contractId))!.courseId
    const newcomer = await createTestAccount({ role: 'parent', regionCode: '220104' })
    const unpaid = await signedContractFixture(courseId, newcomer.id)

    assert.equal(await freeze(institutionId), 1)
    await assert.rejects(
      () => new CreateOrder().handle(newcomer.user, unpaid),
      /catalog.contracts.sales_frozen/
    )
    assert.lengthOf(await Order.query().where('contractId', unpaid), 0)

    const renewal = await new CreateOrder().handle(parent.user, contractId)
    assert.equal(renewal.chargeNo, 2)
    assert.equal(renewal.firstClass, 7)
    assert.equal(renewal.status, 'awaiting_payment')

    /* Lifted: the new contract's first charge goes through. */
    assert.equal(
      await db.transaction((trx) =>
        liftSalesFreezes(trx, 'credit_risk', [`warning-${institutionId}`])
      ),
      1
    )
    const first = await new CreateOrder().handle(newcomer.user, unpaid)
    assert.equal(first.chargeNo, 1)
  })

  test('an order awaiting payment is not a paid charge: its contract is refused too', async ({
    assert,
  }) => {
    const { order, parent, contractId, institutionId } = await orderFixture()
    assert.equal(order.status, 'awaiting_payment')
    await freeze(institutionId)
    await assert.rejects(
      () => new CreateOrder().handle(parent.user, contractId),
      /catalog.contracts.sales_frozen/
    )
  })

  test('the cashier of an order made before the freeze is refused; a wholly refunded contract starts anew', async ({
    assert,
  }) => {
    const { order, contractId, institutionId } = await orderFixture()
    await freeze(institutionId)
    await assert.rejects(
      () => new StartPayment().handle(order, '测试课程'),
      /catalog.contracts.sales_frozen/
    )
    assert.lengthOf(await Payment.query().where('orderId', order.id), 0)
    assert.isFalse(await continuesSale(contractId))

    const paid = await orderFixture()
    await payOrder(paid.order)
    assert.isTrue(await continuesSale(paid.contractId))
    /* Every fen given back: the next charge would be a new sale. */
    await paid.order.refresh()
    await db
      .from('orders')
      .where('id', paid.order.id)
      .update({ status: 'refunded', refunded_fen: paid.order.paidFen })
    assert.isFalse(await continuesSale(paid.contractId))
  })
})
