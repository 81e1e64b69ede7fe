import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { TINY_PDF, filingFields, registerSupervisingBanks } from '../../testing.js'
import { withFields } from './helpers.js'

async function submittedFiling(
  client: any,
  regionCode = '220104',
  name = '长春启明星艺术培训学校'
) {
  const account = await createTestAccount({ role: 'institution_owner', regionCode })
  await registerSupervisingBanks()
  const fields = filingFields(regionCode, { basic: { name } })
  await client
    .post(urlFor('filing.update', { section: 'basic' }))
    .loginAs(account.user)
    .form(fields.basic)
    .withCsrfToken()
    .redirects(0)
  const { CurrentUserProvider } = await import('#modules/identity')
  const user = (await new CurrentUserProvider().findById(account.id))!.getOriginal()
  await withFields(
    client.post(urlFor('filing.update', { section: 'qualifications' })).loginAs(user),
    fields.qualifications
  )
    .file('files[licenceDocument]', TINY_PDF, { filename: 'licence.pdf' })
    .file('files[legalCertDocument]', TINY_PDF, { filename: 'legal.pdf' })
    .withCsrfToken()
  await withFields(
    client.post(urlFor('filing.update', { section: 'operations' })).loginAs(user),
    fields.operations
  )
    .file('files[venues][0][tenureDocument]', TINY_PDF, { filename: 'lease.pdf' })
    .file('files[venues][0][fireSafetyDocument]', TINY_PDF, { filename: 'fire.pdf' })
    .file('files[venues][0][hygieneDocument]', TINY_PDF, { filename: 'hygiene.pdf' })
    .withCsrfToken()
  await client
    .post(urlFor('filing.update', { section: 'conditions' }))
    .loginAs(user)
    .form(fields.conditions)
    .withCsrfToken()
  ;(
    await client.post(urlFor('filing.submit')).loginAs(user).withCsrfToken().redirects(0)
  ).assertHeader('location', '/institution/filing')
  const institution = await db.from('institutions').where('name', name).firstOrFail()
  return { user, institution, fields }
}

test.group('Filing review by the responsible bureau', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the county returns with reasons per part, the institution corrects and resubmits, the county approves', async ({
    client,
    assert,
  }) => {
    const { user, institution, fields } = await submittedFiling(client)
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })

    const queue = await client.get(urlFor('reviews.index')).loginAs(county.user)
    queue.assertTextIncludes('长春启明星艺术培训学校')
    const page = await client
      .get(urlFor('reviews.show', { id: institution.id }))
      .loginAs(county.user)
    page.assertTextIncludes('中国建设银行长春朝阳支行')
    page.assertTextIncludes('data-testid="approve"')

    const empty = await client
      .post(urlFor('reviews.return', { id: institution.id }))
      .header('referer', '/x')
      .loginAs(county.user)
      .form({ reasons: {} })
      .withCsrfToken()
      .redirects(0)
    empty.assertFlashMessage('error', '退回时请至少写明一个部分的原因')

    await client
      .post(urlFor('reviews.return', { id: institution.id }))
      .loginAs(county.user)
      .form({ reasons: { basic: '办学地址与营业执照不一致' } })
      .withCsrfToken()
      .redirects(0)
    assert.equal(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).filing_status,
      'returned'
    )
    const step = await client.get(urlFor('filing.edit', { section: 'basic' })).loginAs(user)
    step.assertTextIncludes('办学地址与营业执照不一致')

    await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(user)
      .form({
        ...fields.basic,
        address: '吉林省长春市朝阳区解放大路 100 号 3 楼',
        legalRepIdNumber: '',
      })
      .withCsrfToken()
      .redirects(0)
    ;(
      await client.post(urlFor('filing.submit')).loginAs(user).withCsrfToken().redirects(0)
    ).assertHeader('location', '/institution/filing')

    const approve = await client
      .post(urlFor('reviews.approve', { id: institution.id }))
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    approve.assertHeader('location', '/manage/filings')
    const approved = await db.from('institutions').where('id', institution.id).firstOrFail()
    assert.equal(approved.filing_status, 'approved')
    assert.equal(approved.list_status, 'white')
    assert.equal(approved.address, '吉林省长春市朝阳区解放大路 100 号 3 楼')
    const reviews = await db
      .from('filing_reviews')
      .where('institution_id', institution.id)
      .orderBy('id')
    assert.deepEqual(
      reviews.map((r) => r.decision),
      ['returned', 'approved']
    )
  })

  test('only the responsible bureau decides; other regions do not even see the filing', async ({
    client,
  }) => {
    const { institution } = await submittedFiling(client)
    const otherCounty = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220102',
    })
    const city = await createTestAccount({
      role: 'admin',
      adminLevel: 'city',
      regionCode: '220100',
    })
    const hebei = await createTestAccount({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '130000',
    })
    ;(
      await client.get(urlFor('reviews.show', { id: institution.id })).loginAs(otherCounty.user)
    ).assertStatus(404)
    ;(
      await client
        .post(urlFor('reviews.approve', { id: institution.id }))
        .loginAs(otherCounty.user)
        .withCsrfToken()
    ).assertStatus(404)
    ;(
      await client.get(urlFor('reviews.show', { id: institution.id })).loginAs(city.user)
    ).assertStatus(200)
    ;(
      await client
        .post(urlFor('reviews.approve', { id: institution.id }))
        .loginAs(city.user)
        .withCsrfToken()
    ).assertStatus(403)
    ;(
      await client
        .get(urlFor('institutions_admin.show', { id: institution.id }))
        .loginAs(hebei.user)
    ).assertStatus(404)
    const queue = await client.get(urlFor('reviews.index')).loginAs(otherCounty.user)
    if (queue.text().includes('长春启明星艺术培训学校'))
      throw new Error('another county sees the filing')
  })

  test('online institutions are reviewed by their province, not the county', async ({ client }) => {
    const account = await createTestAccount({ role: 'institution_owner', regionCode: '220104' })
    const fields = filingFields('220104', {
      basic: {
        name: '吉林云课堂在线教育',
        delivery: 'online',
        website: 'https://ykt.example.cn',
        icpNumber: '吉ICP备2024000001号',
      },
    })
    /* Jilin's plugin asks online institutions for their protection level and servers. */
    const jilinExtra = {
      'extra[securityLevel]': '3',
      'extra[securityFilingNumber]': '22010413001-00002',
      'extra[serverLocation]': '10.0.0.2 长春',
    }
    await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(account.user)
      .form({ ...fields.basic, ...jilinExtra })
      .withCsrfToken()
      .redirects(0)
    const institution = await db
      .from('institutions')
      .where('name', '吉林云课堂在线教育')
      .firstOrFail()
    await db.from('institutions').where('id', institution.id).update({ filing_status: 'submitted' })
    const basic = await db
      .from('filing_sections')
      .where('institution_id', institution.id)
      .where('section', 'basic')
      .firstOrFail()
    await db.table('filing_reviews').insert({
      institution_id: institution.id,
      snapshot: JSON.stringify({ basic: basic.data }),
      submitted_at: new Date(),
    })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const province = await createTestAccount({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '220000',
    })
    ;(
      await client
        .post(urlFor('reviews.approve', { id: institution.id }))
        .loginAs(county.user)
        .withCsrfToken()
    ).assertStatus(403)
    const reviewPage = await client
      .get(urlFor('reviews.show', { id: institution.id }))
      .loginAs(province.user)
    reviewPage.assertTextIncludes('网络安全等级保护级别')
    reviewPage.assertTextIncludes('10.0.0.2 长春')
    const byProvince = await client
      .post(urlFor('reviews.approve', { id: institution.id }))
      .loginAs(province.user)
      .withCsrfToken()
      .redirects(0)
    byProvince.assertHeader('location', '/manage/filings')
  })
})

test.group('Public website: search, institution page, lists, notices, code plate', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an approved institution is found by a fuzzy name and a region, and has its public page', async ({
    client,
  }) => {
    const { institution } = await submittedFiling(client)
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const before = await client.get(urlFor('public.search', {}, { qs: { q: '启明星' } }))
    before.assertTextIncludes('没有找到符合条件的机构')
    await client
      .post(urlFor('reviews.approve', { id: institution.id }))
      .loginAs(county.user)
      .withCsrfToken()

    ;(
      await client.get(urlFor('public.search', {}, { qs: { q: '启明星 艺术' } }))
    ).assertTextIncludes('长春启明星艺术培训学校')
    ;(
      await client.get(urlFor('public.search', {}, { qs: { q: '长春启明艺术培训学校' } }))
    ).assertTextIncludes('长春启明星艺术培训学校')
    const inRegion = await client.get(
      urlFor(
        'public.search',
        {},
        {
          qs: {
            region_province: '220000',
            region_city: '220100',
            region_county: '220104',
            list: 'white',
          },
        }
      )
    )
    inRegion.assertTextIncludes('长春启明星艺术培训学校')
    const elsewhere = await client.get(
      urlFor('public.search', {}, { qs: { q: '启明星', region_province: '130000' } })
    )
    elsewhere.assertTextIncludes('没有找到符合条件的机构')

    const page = await client.get(urlFor('public.show', { id: institution.id }))
    page.assertTextIncludes('白名单')
    page.assertTextIncludes('0431-88880000')
    ;(await client.get(urlFor('public.list', { status: 'white' }))).assertTextIncludes(
      '长春启明星艺术培训学校'
    )
    ;(await client.get(urlFor('public.list', { status: 'purple' }))).assertStatus(404)
  })

  test('region pickers narrow one level at a time and ignore a city of another province', async ({
    client,
  }) => {
    const jilin = await client.get(
      urlFor('public.region_picker', {}, { qs: { name: 'region', region_province: '220000' } })
    )
    jilin.assertTextIncludes('长春市')
    const stale = await client.get(
      urlFor(
        'public.region_picker',
        {},
        { qs: { name: 'region', region_province: '130000', region_city: '220100' } }
      )
    )
    stale.assertTextIncludes('石家庄市')
    if (stale.text().includes('朝阳区')) throw new Error('counties of the old city shown')
    const beijing = await client.get(
      urlFor('public.region_picker', {}, { qs: { name: 'region', region_province: '110000' } })
    )
    beijing.assertTextIncludes('海淀区')
  })
})
