import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { fundsRecordsFor } from '#testing/funds'
import { fieldErrors } from '#tests/helpers/http'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()

async function world() {
  const institution = await createFiledInstitution({ regionCode: '220104' })
  const course = await createCourse(institution.id, courseDraft())
  const parent = await createTestAccount({ role: 'parent', displayName: '王丽' })
  const owner = await createTestAccount({
    role: 'institution_owner',
    orgType: 'institution',
    orgId: institution.id,
  })
  const contractId = await signedContractFixture(course.id, parent.id)
  const { orderId } = await fundsRecordsFor(contractId)
  return { institution, parent, owner, orderId }
}

test.group('Reviews by real customers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a parent with a consumed class reviews the order once; the institution replies once; the public sees the average', async ({
    client,
    assert,
  }) => {
    const { institution, parent, owner, orderId } = await world()
    const user = await userOf(parent.id)
    const mine = await client.get('/parent/reviews').loginAs(user)
    assert.include(mine.text(), `data-testid="reviewable-${orderId}"`)
    const short = await client
      .post(`/parent/orders/${orderId}/review`)
      .loginAs(user)
      .withCsrfToken()
      .form({ rating: '4', body: '好' })
      .redirects(0)
    assert.isNotEmpty(fieldErrors(short, 'body'))
    ;(
      await client
        .post(`/parent/orders/${orderId}/review`)
        .loginAs(user)
        .withCsrfToken()
        .form({ rating: '4', body: '老师认真，课后反馈及时。' })
        .redirects(0)
    ).assertStatus(302)
    const twice = await client
      .post(`/parent/orders/${orderId}/review`)
      .loginAs(user)
      .withCsrfToken()
      .form({ rating: '1', body: '再评一次试试看' })
      .redirects(0)
    assert.equal(twice.flashMessage('error'), '每个订单只能评价一次。')
    assert.equal(
      Number((await db.from('reviews').where('order_id', orderId).count('* as n').first())!.n),
      1
    )
    const review = await db.from('reviews').where('order_id', orderId).firstOrFail()
    assert.equal(review.author_masked, '王*')

    const ownerUser = await userOf(owner.id)
    ;(
      await client
        .post(`/institution/reviews/${review.id}/reply`)
        .loginAs(ownerUser)
        .withCsrfToken()
        .form({ reply: '感谢支持！' })
        .redirects(0)
    ).assertStatus(302)
    const again = await client
      .post(`/institution/reviews/${review.id}/reply`)
      .loginAs(ownerUser)
      .withCsrfToken()
      .form({ reply: '再回复一次' })
      .redirects(0)
    assert.equal(again.flashMessage('error'), '每条评价只能回复一次。')

    const page = await client.get(`/institutions/${institution.id}/reviews`)
    page.assertStatus(200)
    assert.include(page.text(), '老师认真')
    assert.include(page.text(), '感谢支持')
    assert.include(page.text(), '平均 4 分（1 条评价）')
  })

  test('no consumed class, no review; another parent cannot review the order', async ({
    client,
    assert,
  }) => {
    const { parent, orderId } = await world()
    const stranger = await createTestAccount({ role: 'parent' })
    ;(
      await client
        .post(`/parent/orders/${orderId}/review`)
        .loginAs(await userOf(stranger.id))
        .withCsrfToken()
        .form({ rating: '1', body: '我没上过课但要差评' })
        .redirects(0)
    ).assertStatus(404)
    await db.from('orders').where('id', orderId).update({ classes_consumed: 0 })
    const early = await client
      .post(`/parent/orders/${orderId}/review`)
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .form({ rating: '5', body: '还没上课先好评' })
      .redirects(0)
    assert.include(fieldErrors(early, 'rating').join(), '上过至少一节课')
    assert.equal(Number((await db.from('reviews').count('* as n').first())!.n), 0)
  })

  test('a bureau of the region hides a review with a reason; it leaves the public page and the average; another county cannot', async ({
    client,
    assert,
  }) => {
    const { institution, parent, orderId } = await world()
    await client
      .post(`/parent/orders/${orderId}/review`)
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .form({ rating: '1', body: '某某老师电话 13800000000 大家打他' })
      .redirects(0)
    const review = await db.from('reviews').where('order_id', orderId).firstOrFail()
    const other = await userOf(
      (await createTestAccount({ role: 'admin', adminLevel: 'county', regionCode: '220102' })).id
    )
    ;(
      await client
        .post(`/manage/reviews/${review.id}/hide`)
        .loginAs(other)
        .withCsrfToken()
        .form({ reason: '泄露个人信息' })
        .redirects(0)
    ).assertStatus(404)
    const county = await userOf(
      (await createTestAccount({ role: 'admin', adminLevel: 'county', regionCode: '220104' })).id
    )
    ;(
      await client
        .post(`/manage/reviews/${review.id}/hide`)
        .loginAs(county)
        .withCsrfToken()
        .form({ reason: '泄露个人信息' })
        .redirects(0)
    ).assertStatus(302)
    const page = await client.get(`/institutions/${institution.id}/reviews`)
    assert.notInclude(page.text(), '13800000000')
    assert.include(page.text(), '暂无评价')
    const hiddenTab = await client.get('/manage/reviews?hidden=1').loginAs(county)
    assert.include(hiddenTab.text(), '泄露个人信息')
  })
})
