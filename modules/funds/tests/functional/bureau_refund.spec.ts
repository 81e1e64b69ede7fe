import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { createTestAccount } from '#testing/identity'
import { signedContractFixture } from '#testing/catalog'
import { RecordClass } from '../../actions/classes.js'
import { CreateOrder } from '../../actions/create_order.js'
import { RequestRefund } from '../../actions/request_refund.js'
import Refund from '../../models/refund.js'
import { payOrder } from '../../testing.js'
import { assertLedgerClean, orderFixture, userOf } from './helpers.js'

test.group('An institution that stops: the bureau refunds every unconsumed fee', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the responsible county refunds all open orders at once; the city above may look but not order it', async ({
    client,
    assert,
  }) => {
    const first = await orderFixture({ regionCode: '220104' })
    await payOrder(first.order)
    await new RecordClass().handle(first.owner.user, { contractId: first.contractId, classNo: 1 })
    const parent2 = await createTestAccount({ role: 'parent', regionCode: '220104' })
    const contract2 = await signedContractFixture(first.order.courseId, parent2.id)
    const second = await new CreateOrder().handle(parent2.user, contract2)
    await payOrder(second)
    await new RecordClass().handle(first.owner.user, { contractId: contract2, classNo: 1 })
    const asked = await new RequestRefund().handle(parent2.user, second.id, {
      classes: 2,
      reason: '听说机构要关门',
    })

    const city = await createTestAccount({
      role: 'admin',
      adminLevel: 'city',
      regionCode: '220100',
    })
    const refused = await client
      .post(`/manage/funds/institutions/${first.institutionId}/refund-all`)
      .loginAs(await userOf(city.id))
      .withCsrfToken()
      .form({ reason: '机构停业' })
      .redirects(0)
    refused.assertStatus(403)

    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const done = await client
      .post(`/manage/funds/institutions/${first.institutionId}/refund-all`)
      .loginAs(await userOf(county.id))
      .withCsrfToken()
      .form({ reason: '现场核查已停业，负责人失联' })
      .redirects(0)
    assert.equal(done.status(), 302)
    const refunds = await Refund.query()
      .whereIn('orderId', [first.order.id, second.id])
      .orderBy('orderId')
    assert.deepEqual(
      refunds.map((r) => [r.status, r.approvedBy, r.classCount]),
      [
        ['refunding', 'bureau', 11],
        ['refunding', 'bureau', 11],
      ]
    )
    /* The parent's own pending request became the bureau's refund, for everything left. */
    assert.equal(refunds[1]!.id, asked.id)
    assert.equal(refunds[1]!.amountFen, 11 * second.pricePerClassFen)
    await assertLedgerClean(assert)
  })
})
