import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { fundsRiskFacts } from '#modules/funds'
import { signedContractFixture } from '#testing/catalog'
import { fundsRecordsFor, payOrder } from '#testing/funds'
import Order from '../../models/order.js'
import SupervisedAccount from '../../models/supervised_account.js'
import { orderFixture } from './helpers.js'

/* What the credit module's risk warnings read of an institution's money, many institutions at once. */
test.group('Funds: risk facts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('held fees, coverage, recent sales and the weeks before, refunds, disputes and anomalies', async ({
    assert,
  }) => {
    const a = await orderFixture()
    await payOrder(a.order)
    const b = await orderFixture()
    const records = await fundsRecordsFor(
      await signedContractFixture(b.order.courseId, b.parent.id)
    )
    await payOrder(b.order)
    /* b's first order was paid three weeks ago: it counts toward the earlier weeks. */
    await Order.query()
      .where('id', records.orderId)
      .update({ paid_at: DateTime.now().minus({ days: 21 }).toJSDate() })
    await SupervisedAccount.query()
      .where('institution_id', a.institutionId)
      .update({ reported_balance_fen: 1234, reported_at: new Date() })

    const facts = await fundsRiskFacts({ institutionIds: [a.institutionId, b.institutionId] })
    const fa = facts.get(a.institutionId)!
    assert.equal(fa.heldFen, a.order.amountFen)
    assert.equal(fa.reportedBalanceFen, 1234)
    assert.equal(fa.activeOrders, 1)
    assert.equal(fa.salesLast7DaysFen, a.order.amountFen)
    assert.equal(fa.salesPrevious8WeeksFen, 0)
    assert.deepEqual(fa.recentOrderIds, [a.order.id])
    assert.equal(fa.refundRequests, 0)
    assert.equal(fa.openAnomalies, 0)

    const fb = facts.get(b.institutionId)!
    assert.isNull(fb.reportedBalanceFen)
    assert.equal(fb.activeOrders, 2)
    assert.equal(fb.salesLast7DaysFen, b.order.amountFen)
    assert.isAbove(fb.salesPrevious8WeeksFen, 0)
    assert.deepEqual(fb.refundIds, [records.refundId])
    assert.deepEqual(fb.anomalyIds, [records.anomalyId])
    assert.equal(fb.openAnomalies, 1)
    assert.equal(fb.disputedClasses, 0)

    /* Only the institutions asked for; a moment before the payments sees no recent sales. */
    const only = await fundsRiskFacts({ institutionIds: [a.institutionId] })
    assert.deepEqual([...only.keys()], [a.institutionId])
    const before = await fundsRiskFacts({
      institutionIds: [a.institutionId],
      asOf: DateTime.now().minus({ days: 8 }).toJSDate(),
    })
    assert.equal(before.get(a.institutionId)?.salesLast7DaysFen ?? 0, 0)
    assert.equal((await fundsRiskFacts({ institutionIds: [] })).size, 0)
    assert.isTrue((await fundsRiskFacts()).has(b.institutionId))
  })
})
