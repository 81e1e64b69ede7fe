import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { assertFieldError } from '#tests/helpers/http'
import { createTestAccount, uniquePhone } from '../../testing.js'

test.group('Sub-unit account management', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a province opens city accounts, and only for its own cities', async ({
    client,
    assert,
  }) => {
    const jilin = await createTestAccount({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '220000',
    })
    const form = await client.get(urlFor('accounts.create')).loginAs(jilin.user)
    form.assertTextIncludes('长春市')
    form.assertTextIncludes('地市级教育行政部门')

    const ok = await client
      .post(urlFor('accounts.store'))
      .loginAs(jilin.user)
      .form({
        kind: 'admin:city',
        regionCode: '220200',
        unitName: '吉林市教育局',
        displayName: '钱伟',
        phone: uniquePhone(),
      })
      .withCsrfToken()
      .redirects(0)
    ok.assertStatus(302)
    ok.assertFlashMessage('success')
    const created = await db.from('users').where('unit_name', '吉林市教育局').firstOrFail()
    assert.equal(created.city_code, '220200')
    assert.equal(created.created_by_id, jilin.id)

    const foreign = await client
      .post(urlFor('accounts.store'))
      .header('referer', '/manage/accounts/create')
      .loginAs(jilin.user)
      .form({
        kind: 'admin:city',
        regionCode: '130100',
        unitName: '石家庄市教育局',
        displayName: '钱伟',
        phone: uniquePhone(),
      })
      .withCsrfToken()
      .redirects(0)
    assertFieldError(foreign, 'regionCode', '所选地区不在您可开通的范围内')
    foreign.assertFlashMessage('unitName', '石家庄市教育局')

    const tooLow = await client
      .post(urlFor('accounts.store'))
      .header('referer', '/manage/accounts/create')
      .loginAs(jilin.user)
      .form({
        kind: 'admin:subunit',
        regionCode: '220104',
        unitName: 'x 办公室',
        displayName: '钱伟',
        phone: uniquePhone(),
      })
      .withCsrfToken()
      .redirects(0)
    tooLow.assertFlashMessage('error', '您不能开通这种类型的账号')
  })

  test('duplicate phone numbers and usernames are refused with field messages', async ({
    client,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const other = await createTestAccount({ role: 'parent', username: 'taken_name' })
    const send = (fields: Record<string, string>) =>
      client
        .post(urlFor('accounts.store'))
        .header('referer', '/manage/accounts/create')
        .loginAs(county.user)
        .form({
          kind: 'school_operator',
          regionCode: '220104',
          unitName: '解放大路小学',
          displayName: '吴春燕',
          phone: uniquePhone(),
          ...fields,
        })
        .withCsrfToken()
        .redirects(0)
    assertFieldError(await send({ phone: other.phone }), 'phone', '该手机号已绑定其他账号')
    assertFieldError(await send({ username: 'taken_name' }), 'username', '该用户名已被使用')
    assertFieldError(await send({ phone: '10086' }), 'phone', '请输入 11 位中国大陆手机号码')
  })

  test('the list shows only accounts below the admin in its region', async ({ client }) => {
    const changchun = await createTestAccount({
      role: 'admin',
      adminLevel: 'city',
      regionCode: '220100',
    })
    await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '朝阳区教育局',
    })
    await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '130102',
      unitName: '长安区教育局',
    })
    await createTestAccount({
      role: 'admin',
      adminLevel: 'city',
      regionCode: '220100',
      unitName: '长春市教育局（同级）',
    })
    const page = await client.get(urlFor('accounts.index')).loginAs(changchun.user)
    page.assertStatus(200)
    page.assertTextIncludes('朝阳区教育局')
    const html = page.text()
    if (html.includes('长安区教育局') || html.includes('长春市教育局（同级）'))
      throw new Error('out-of-scope account listed')

    const filtered = await client
      .get(urlFor('accounts.index', {}, { qs: { status: 'disabled' } }))
      .loginAs(changchun.user)
    filtered.assertTextIncludes('还没有下级账号')
  })

  test('revealing a phone number shows it and writes the audit log', async ({ client, assert }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const school = await createTestAccount({ role: 'school_operator', regionCode: '220104' })
    const show = await client.get(urlFor('accounts.show', { id: school.id })).loginAs(county.user)
    show.assertTextIncludes(`${school.phone.slice(0, 3)}****${school.phone.slice(-4)}`)
    if (show.text().includes(school.phone)) throw new Error('full phone shown without reveal')

    const revealed = await client
      .post(urlFor('accounts.reveal_phone', { id: school.id }))
      .loginAs(county.user)
      .header('hx-request', 'true')
      .withCsrfToken()
    revealed.assertStatus(200)
    revealed.assertTextIncludes(school.phone)
    const audit = await db.from('audit_events').where('action', 'pii.viewed').firstOrFail()
    assert.equal(audit.actor_id, county.id)
    assert.equal(audit.subject_id, String(school.id))
    assert.notInclude(audit.summary, school.phone, 'the log itself holds the masked number only')
  })

  test('disabling ends every session at once; enabling lets the holder back in', async ({
    client,
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const sub = await createTestAccount({
      role: 'admin',
      adminLevel: 'subunit',
      regionCode: '220104',
      username: 'sub_x',
    })

    const before = await client.get('/manage').loginAs(sub.user).redirects(0)
    before.assertStatus(200)

    const noReason = await client
      .post(urlFor('accounts.disable', { id: sub.id }))
      .header('referer', '/x')
      .loginAs(county.user)
      .form({ reason: '' })
      .withCsrfToken()
      .redirects(0)
    assertFieldError(noReason, 'reason', '请填写原因')

    const disabled = await client
      .post(urlFor('accounts.disable', { id: sub.id }))
      .loginAs(county.user)
      .form({ reason: '人员调离岗位' })
      .withCsrfToken()
      .redirects(0)
    disabled.assertFlashMessage('success', '账号已停用，已在所有设备上退出')
    const row = await db.from('users').where('id', sub.id).firstOrFail()
    assert.equal(row.status, 'disabled')
    assert.equal(row.disabled_reason, '人员调离岗位')

    /* The old session no longer authenticates. */
    const after = await client.get('/manage').loginAs(sub.user).redirects(0)
    after.assertHeader('location', '/login?next=%2Fmanage')

    await client
      .post(urlFor('accounts.enable', { id: sub.id }))
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    const signIn = await client
      .post(urlFor('sessions.store'))
      .form({ identifier: 'sub_x', password: sub.password })
      .withCsrfToken()
      .redirects(0)
    signIn.assertHeader('location', '/manage')
    assert.deepEqual(
      (
        await db
          .from('audit_events')
          .whereIn('action', ['account.disabled', 'account.enabled'])
          .orderBy('id')
      ).map((e) => e.action),
      ['account.disabled', 'account.enabled']
    )
  })

  test('a reset forgets the password and texts a fresh link', async ({ client, assert }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const sub = await createTestAccount({
      role: 'admin',
      adminLevel: 'subunit',
      regionCode: '220104',
      username: 'sub_reset',
    })
    const reset = await client
      .post(urlFor('accounts.reset', { id: sub.id }))
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    reset.assertFlashMessage('success')
    const row = await db.from('users').where('id', sub.id).firstOrFail()
    assert.isNull(row.password)
    const signIn = await client
      .post(urlFor('sessions.store'))
      .header('referer', '/login')
      .form({ identifier: 'sub_reset', password: sub.password })
      .withCsrfToken()
      .redirects(0)
    signIn.assertFlashMessage('error', '手机号/用户名或密码不正确')
  })

  test('the audit log shows the region and below, newest first', async ({ client }) => {
    const jilin = await createTestAccount({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '220000',
    })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      displayName: '朝阳操作员',
    })
    const hebei = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '130102',
      displayName: '长安操作员',
    })
    for (const who of [county, hebei]) {
      await client
        .post(urlFor('sessions.store'))
        .form({ identifier: who.phone, password: who.password })
        .withCsrfToken()
        .redirects(0)
    }
    const page = await client.get(urlFor('audit_events.index')).loginAs(jilin.user)
    page.assertTextIncludes('朝阳操作员')
    if (page.text().includes('长安操作员')) throw new Error('another province in the audit log')
  })
})
