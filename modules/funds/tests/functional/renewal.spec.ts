import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { CreateOrder } from '../../actions/create_order.js'
import { RecordClass } from '../../actions/classes.js'
import { payOrder } from '../../testing.js'
import { orderFixture, userOf } from './helpers.js'
const inDays = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n }).toISODate()!

test.group('Charges under one contract', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a renewal waits until 20 or fewer classes are left unconsumed', async ({
    client,
    assert,
  }) => {
    /* Three classes a week for sixteen weeks, 24 classes per charge (8 weeks, within 3 months and 5,000 yuan). */
    /* Started a month ago, so the first classes have been held and the renewal's first class is within a month. */
    const start = DateTime.fromISO(inDays(-30))
    const { order, parent, owner, contractId } = await orderFixture({
      course: {
        startDate: inDays(-30),
        endDate: inDays(-30 + 7 * 16 - 1),
        slots: [0, 2, 4].map((d) => ({
          weekday: ((start.weekday - 1 + d) % 7) + 1,
          start: '18:00',
        })),
        classesPerCharge: 24,
        pricePerClassFen: 100_00,
      },
    })
    assert.equal(order.classCount, 24)
    await payOrder(order)
    await assert.rejects(
      () => new CreateOrder().handle(parent.user, contractId),
      /funds.orders.renewal_too_early/
    )
    const page = await client
      .get(`/parent/orders?contract=${contractId}`)
      .loginAs(await userOf(parent.id))
    assert.include(page.text(), 'data-testid="renewal-wait"')
    assert.notInclude(page.text(), 'data-testid="pay-next"')

    for (let n = 1; n <= 4; n++)
      await new RecordClass().handle(owner.user, { contractId, classNo: n })
    const renewal = await new CreateOrder().handle(parent.user, contractId)
    assert.equal(renewal.chargeNo, 2)
    assert.equal(renewal.firstClass, 25)
    assert.equal(renewal.amountFen, renewal.classCount * 100_00)
  })
})
