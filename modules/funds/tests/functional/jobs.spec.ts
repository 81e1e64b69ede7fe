import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { RecordClass } from '../../actions/classes.js'
import { RequestRefund } from '../../actions/request_refund.js'
import FundDeadlinesJob from '../../jobs/fund_deadlines_job.js'
import ReconcileJob from '../../jobs/reconcile_job.js'
import Order from '../../models/order.js'
import Refund from '../../models/refund.js'
import SupervisedAccount from '../../models/supervised_account.js'
import { payOrder } from '../../testing.js'
import { orderFixture, userOf } from './helpers.js'

test.group('Funds jobs and small actions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the deadlines job closes an unpaid order past its time; the reconcile job stamps every account', async ({
    assert,
  }) => {
    const { order } = await orderFixture()
    await Order.query()
      .where('id', order.id)
      .update({ expires_at: new Date(Date.now() - 60_000) })
    await FundDeadlinesJob.dispatch({})
    assert.equal((await Order.findOrFail(order.id)).status, 'cancelled')
    const paid = await orderFixture()
    await payOrder(paid.order)
    await ReconcileJob.dispatch({})
    const account = await SupervisedAccount.findByOrFail('institutionId', paid.institutionId)
    assert.isNotNull(account.reconciledAt)
  })

  test('a parent can withdraw a refund request the institution has not answered yet, and only their own', async ({
    client,
    assert,
  }) => {
    const { order, parent, owner } = await orderFixture()
    const other = await orderFixture()
    await payOrder(order)
    await new RecordClass().handle(owner.user, { contractId: order.contractId, classNo: 1 })
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '再考虑一下' })
    const foreign = await client
      .post(`/parent/refunds/${refund.id}/withdraw`)
      .loginAs(await userOf(other.parent.id))
      .withCsrfToken()
      .redirects(0)
    assert.equal(foreign.status(), 404)
    assert.equal((await Refund.findOrFail(refund.id)).status, 'requested')
    const done = await client
      .post(`/parent/refunds/${refund.id}/withdraw`)
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .redirects(0)
    assert.equal(done.status(), 302)
    assert.equal((await Refund.findOrFail(refund.id)).status, 'withdrawn')
    /* A new request may follow. */
    const again = await new RequestRefund().handle(parent.user, order.id, {
      classes: 2,
      reason: '只退两课时',
    })
    assert.equal(again.amountFen, 2 * order.pricePerClassFen)
  })
})
