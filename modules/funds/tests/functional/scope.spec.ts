import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { createTestAccount } from '#testing/identity'
import { payOrder } from '../../testing.js'
import { orderFixture, userOf } from './helpers.js'

test.group('Funds scope: each party sees its own money only', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('another institution and another parent get a 404 for an order; the owners see it', async ({
    client,
  }) => {
    const a = await orderFixture()
    const b = await orderFixture()
    await payOrder(a.order)
    ;(
      await client.get(`/institution/orders/${a.order.id}`).loginAs(await userOf(a.owner.id))
    ).assertStatus(200)
    ;(
      await client.get(`/institution/orders/${a.order.id}`).loginAs(await userOf(b.owner.id))
    ).assertStatus(404)
    ;(
      await client.get(`/parent/orders/${a.order.id}`).loginAs(await userOf(a.parent.id))
    ).assertStatus(200)
    ;(
      await client.get(`/parent/orders/${a.order.id}`).loginAs(await userOf(b.parent.id))
    ).assertStatus(404)
    const confirm = await client
      .post(`/parent/orders/${a.order.id}/refunds`)
      .loginAs(await userOf(b.parent.id))
      .withCsrfToken()
      .form({ classes: '1', reason: '别人的订单' })
      .redirects(0)
    confirm.assertStatus(404)
  })

  test('an institution’s order list holds only its own orders', async ({ client, assert }) => {
    const a = await orderFixture()
    const b = await orderFixture()
    const page = await client.get('/institution/orders').loginAs(await userOf(a.owner.id))
    page.assertStatus(200)
    assert.include(page.text(), a.order.number)
    assert.notInclude(page.text(), b.order.number)
  })

  test('a county sees its own county’s money; another county sees none of it; the province sees both', async ({
    client,
    assert,
  }) => {
    /* Dearer than other tests' orders, so each tops its county's list (sorted by money collected). */
    const here = await orderFixture({ regionCode: '220104', course: { pricePerClassFen: 400_00 } })
    const there = await orderFixture({ regionCode: '220102', course: { pricePerClassFen: 400_00 } })
    await payOrder(here.order)
    await payOrder(there.order)
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const other = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220102',
    })
    const province = await createTestAccount({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '220000',
    })
    ;(
      await client.get(`/manage/funds/orders/${here.order.id}`).loginAs(await userOf(county.id))
    ).assertStatus(200)
    ;(
      await client.get(`/manage/funds/orders/${here.order.id}`).loginAs(await userOf(other.id))
    ).assertStatus(404)
    ;(
      await client
        .get(`/manage/funds/institutions/${here.institutionId}`)
        .loginAs(await userOf(other.id))
    ).assertStatus(404)
    const mine = await client.get('/manage/funds').loginAs(await userOf(county.id))
    assert.include(mine.text(), `data-testid="institution-table"`)
    assert.include(mine.text(), `/manage/funds/institutions/${here.institutionId}`)
    assert.notInclude(mine.text(), `/manage/funds/institutions/${there.institutionId}`)
    /* Asking for a region outside one's own shows one's own region instead. */
    const sneaky = await client.get('/manage/funds?region=220102').loginAs(await userOf(county.id))
    assert.notInclude(sneaky.text(), `/manage/funds/institutions/${there.institutionId}`)
    const wide = await client
      .get('/manage/funds?region=220100&institutions=1')
      .loginAs(await userOf(province.id))
    assert.include(wide.text(), `/manage/funds/institutions/${here.institutionId}`)
    assert.include(wide.text(), `/manage/funds/institutions/${there.institutionId}`)
  })
})
