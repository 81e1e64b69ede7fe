import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { fieldErrors } from '#tests/helpers/http'
import { createFiledInstitution } from '../../testing.js'
import { verificationUrl } from '../../services/plate.js'

test.group('Removal from the platform (Art. 15)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a removed institution leaves search, keeps its record, tells its users and can be published', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution({ name: '跑路风险培训学校' })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })
    const events = emitter.fake(['registry:institution_removed'])
    const removed = await client
      .post(urlFor('institutions_admin.remove', { id: institution.id }))
      .loginAs(county.user)
      .form({ reason: '已停止办学，无法继续履行合同', publish: 'true' })
      .withCsrfToken()
      .redirects(0)
    removed.assertFlashMessage('success', '机构已撤除')
    events.assertEmitted('registry:institution_removed')
    emitter.restore()

    const row = await db.from('institutions').where('id', institution.id).firstOrFail()
    assert.isNotNull(row.removed_at)
    assert.lengthOf(
      await db.from('filing_sections').where('institution_id', institution.id),
      5,
      'records stay'
    )
    ;(await client.get(urlFor('public.search', {}, { qs: { q: '跑路风险' } }))).assertTextIncludes(
      '没有找到符合条件的机构'
    )
    ;(await client.get(urlFor('public.notices'))).assertTextIncludes('跑路风险培训学校从平台撤除')
    const page = await client.get(urlFor('public.show', { id: institution.id }))
    page.assertStatus(410)
    page.assertTextIncludes('请勿缴费')

    await client
      .post(urlFor('institutions_admin.restore', { id: institution.id }))
      .loginAs(county.user)
      .withCsrfToken()
    ;(await client.get(urlFor('public.search', {}, { qs: { q: '跑路风险' } }))).assertTextIncludes(
      '跑路风险培训学校'
    )
  })

  test('removal needs a reason and the responsible level', async ({ client, assert }) => {
    const institution = await createFiledInstitution()
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const subunit = await createTestAccount({
      role: 'admin',
      adminLevel: 'subunit',
      regionCode: '220104',
    })
    const noReason = await client
      .post(urlFor('institutions_admin.remove', { id: institution.id }))
      .header('referer', '/x')
      .loginAs(county.user)
      .form({ reason: '' })
      .withCsrfToken()
      .redirects(0)
    assert.isNotEmpty(fieldErrors(noReason, 'reason'))
    ;(
      await client
        .post(urlFor('institutions_admin.remove', { id: institution.id }))
        .loginAs(subunit.user)
        .form({ reason: '越权撤除' })
        .withCsrfToken()
    ).assertStatus(403)
  })

  test('a bureau override holds with its reason until cleared, and every change is kept', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution()
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    await client
      .post(urlFor('institutions_admin.override', { id: institution.id }))
      .loginAs(county.user)
      .form({ status: 'black', reason: '群众举报查实存在虚假宣传，立案查处中' })
      .withCsrfToken()
    let row = await db.from('institutions').where('id', institution.id).firstOrFail()
    assert.equal(row.list_status, 'black')
    assert.equal(row.list_reasons[0].code, 'override')
    await client
      .post(urlFor('institutions_admin.clear_override', { id: institution.id }))
      .loginAs(county.user)
      .withCsrfToken()
    row = await db.from('institutions').where('id', institution.id).firstOrFail()
    assert.equal(row.list_status, 'white')
    const sources = (
      await db.from('list_changes').where('institution_id', institution.id).orderBy('id')
    ).map((c) => `${c.to_status}:${c.source}`)
    assert.deepEqual(sources, ['white:rules', 'black:override', 'white:rules'])
  })
})

test.group('Code plate and verification (Art. 7)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an approved institution downloads its plate as PDF and PNG', async ({ client, assert }) => {
    const institution = await createFiledInstitution()
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: institution.id,
    })
    const pdf = await client.get(urlFor('plate.download', { format: 'pdf' })).loginAs(owner.user)
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    assert.equal(Buffer.from(pdf.body()).subarray(0, 4).toString(), '%PDF')
    const png = await client.get(urlFor('plate.download', { format: 'png' })).loginAs(owner.user)
    png.assertHeader('content-type', 'image/png')
    assert.equal(Buffer.from(png.body()).subarray(1, 4).toString(), 'PNG')
    assert.isAbove(Buffer.from(png.body()).length, 20_000)

    const unfiled = await createTestAccount({ role: 'institution_owner', regionCode: '220104' })
    ;(
      await client.get(urlFor('plate.download', { format: 'pdf' })).loginAs(unfiled.user)
    ).assertStatus(404)
  })

  test('the QR link verifies with the live status; an altered link is invalid; a black-listed institution warns', async ({
    client,
  }) => {
    const institution = await createFiledInstitution({ name: '码牌核验培训学校' })
    const other = await createFiledInstitution({ name: '别的培训学校' })
    const url = new URL(verificationUrl(institution))
    const ok = await client.get(url.pathname + url.search)
    ok.assertStatus(200)
    ok.assertTextIncludes('码牌有效')
    ok.assertTextIncludes('码牌核验培训学校')

    const tampered = await client.get(
      url.pathname.replace(String(institution.id), String(other.id)) + url.search
    )
    tampered.assertStatus(400)
    tampered.assertTextIncludes('码牌无效')
    ;(await client.get(url.pathname)).assertTextIncludes('码牌无效')

    await db.from('institutions').where('id', institution.id).update({ list_status: 'black' })
    const warned = await client.get(url.pathname + url.search)
    warned.assertTextIncludes('该机构在黑名单中')
    await db.from('institutions').where('id', institution.id).update({ removed_at: new Date() })
    ;(await client.get(url.pathname + url.search)).assertTextIncludes('从平台撤除')
  })
})
