import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { createTestAccount } from '#testing/identity'
import { RecordClass } from '../../actions/classes.js'
import { DecideRefund } from '../../actions/decide_refund.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { raiseAnomaly } from '../../actions/reconcile.js'
import FundAnomaly from '../../models/fund_anomaly.js'
import Refund from '../../models/refund.js'
import { supervisedAccountOf } from '../../services/supervised_accounts.js'
import { payOrder } from '../../testing.js'
import { orderFixture, userOf } from './helpers.js'

/* Issue 13 item 10, review findings 14 and 25a: who decides where money goes. */
test.group('Least privilege over money', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff cannot decide a refund; they record attendance; the owner decides', async ({
    client,
    assert,
  }) => {
    const { order, parent, contractId, institutionId, owner } = await orderFixture()
    await payOrder(order)
    const staff = await createTestAccount({
      role: 'institution_staff',
      regionCode: '220104',
      orgType: 'institution',
      orgId: institutionId,
    })
    await new RecordClass().handle(staff.user, { contractId, classNo: 1 })
    const refund = await new RequestRefund().handle(parent.user, order.id, { reason: '时间冲突' })
    assert.equal(refund.status, 'requested')
    const refused = await client
      .post(`/institution/refunds/${refund.id}/decide`)
      .loginAs(await userOf(staff.id))
      .withCsrfToken()
      .form({ decision: 'approve' })
      .redirects(0)
    assert.equal(refused.status(), 403)
    await assert.rejects(() =>
      new DecideRefund().handle(staff.user, refund.id, { approve: false, reason: '不同意' })
    )
    assert.equal((await Refund.findOrFail(refund.id)).status, 'requested')
    const decided = await client
      .post(`/institution/refunds/${refund.id}/decide`)
      .loginAs(await userOf(owner.id))
      .withCsrfToken()
      .form({ decision: 'approve' })
      .redirects(0)
    assert.equal(decided.status(), 302)
    assert.equal((await Refund.findOrFail(refund.id)).status, 'refunding')
  })

  test('a sub-unit cannot close a red anomaly; the county can, and the sub-unit may close a yellow one', async ({
    client,
    assert,
  }) => {
    const { institutionId } = await orderFixture()
    const account = await supervisedAccountOf(institutionId)
    const red = (await raiseAnomaly(
      account,
      'unmatched_debit',
      'red',
      { test: true },
      `test-red:${institutionId}`
    ))!
    const yellow = (await raiseAnomaly(
      account,
      'payment_not_settled',
      'yellow',
      { test: true },
      `test-yellow:${institutionId}`
    ))!
    const subunit = await createTestAccount({
      role: 'admin',
      adminLevel: 'subunit',
      regionCode: '220104',
    })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const close = async (id: number, who: number) =>
      client
        .post(`/manage/funds/anomalies/${id}/close`)
        .loginAs(await userOf(who))
        .withCsrfToken()
        .form({ note: '已核实' })
        .redirects(0)
    assert.equal((await close(red.id, subunit.id)).status(), 403)
    assert.equal((await FundAnomaly.findOrFail(red.id)).status, 'open')
    assert.equal((await close(yellow.id, subunit.id)).status(), 302)
    assert.equal((await FundAnomaly.findOrFail(yellow.id)).status, 'closed')
    assert.equal((await close(red.id, county.id)).status(), 302)
    assert.equal((await FundAnomaly.findOrFail(red.id)).status, 'closed')
  })
})
