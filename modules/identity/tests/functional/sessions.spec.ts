import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { assertFieldError } from '#tests/helpers/http'
import { createTestAccount } from '../../testing.js'

test.group('Sign in and sign out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  /* The memory limiter outlives the test's transaction: leave no spent counters to later suites. */
  group.each.teardown(() => limiter.clear())

  test('an admin signs in with a username and lands on the management terminal', async ({
    client,
    assert,
  }) => {
    const admin = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      username: 'ccy_t1',
    })
    const response = await client
      .post(urlFor('sessions.store'))
      .form({ identifier: 'CCY_T1', password: admin.password })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/manage')
    const events = await db
      .from('audit_events')
      .where('action', 'auth.signed_in')
      .where('actor_id', admin.id)
    assert.lengthOf(events, 1)
    assert.equal(events[0].county_code, '220104')
  })

  test('a parent signs in with a phone number, spaces and +86 allowed', async ({ client }) => {
    const parent = await createTestAccount({ role: 'parent', phone: '13912340001' })
    const response = await client
      .post(urlFor('sessions.store'))
      .form({ identifier: '+86 139 1234 0001', password: parent.password })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/parent')
  })

  test('a wrong password gives one message that does not reveal whether the account exists', async ({
    client,
    assert,
  }) => {
    const admin = await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_t2',
    })
    for (const identifier of ['ccy_t2', 'nobody_here']) {
      const response = await client
        .post(urlFor('sessions.store'))
        .header('referer', '/login')
        .form({ identifier, password: 'wrong-password-1' })
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', '/login')
      response.assertFlashMessage('error', '手机号/用户名或密码不正确')
      response.assertFlashMessage('identifier', identifier)
    }
    const failed = await db.from('audit_events').where('action', 'auth.sign_in_failed')
    assert.lengthOf(failed, 2)
    assert.equal(failed.find((e) => e.subject_id === String(admin.id))?.county_code, '220104')
  })

  test('five wrong passwords lock the account from that address with a clear message', async ({
    client,
  }) => {
    await createTestAccount({ role: 'admin', regionCode: '220104', username: 'ccy_lock' })
    const attempt = () =>
      client
        .post(urlFor('sessions.store'))
        .header('referer', '/login')
        .form({ identifier: 'ccy_lock', password: 'wrong-password-1' })
        .withCsrfToken()
        .redirects(0)
    for (let i = 0; i < 5; i++)
      (await attempt()).assertFlashMessage('error', '手机号/用户名或密码不正确')
    const locked = await attempt()
    locked.assertFlashMessage('error', '连续输错次数过多，请 15 分钟后再试')
    /* Even the right password is refused while locked. */
    const right = await client
      .post(urlFor('sessions.store'))
      .header('referer', '/login')
      .form({ identifier: 'ccy_lock', password: 'correct horse 42' })
      .withCsrfToken()
      .redirects(0)
    right.assertFlashMessage('error', '连续输错次数过多，请 15 分钟后再试')
  })

  test('disabled and not-yet-activated accounts cannot sign in', async ({ client }) => {
    await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_off',
      status: 'disabled',
    })
    await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_new',
      password: null,
    })
    const disabled = await client
      .post(urlFor('sessions.store'))
      .header('referer', '/login')
      .form({ identifier: 'ccy_off', password: 'correct horse 42' })
      .withCsrfToken()
      .redirects(0)
    disabled.assertFlashMessage('error', '该账号已停用，请联系上级管理员')
    const pending = await client
      .post(urlFor('sessions.store'))
      .header('referer', '/login')
      .form({ identifier: 'ccy_new', password: 'anything-123' })
      .withCsrfToken()
      .redirects(0)
    pending.assertFlashMessage('error', '手机号/用户名或密码不正确')
  })

  test('after sign-in a guest goes back to the page they asked for, never to another site', async ({
    client,
  }) => {
    const admin = await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_next',
    })
    const guest = await client.get('/manage/accounts').redirects(0)
    guest.assertHeader('location', '/login?next=%2Fmanage%2Faccounts')

    const back = await client
      .post(urlFor('sessions.store'))
      .form({ identifier: 'ccy_next', password: admin.password, next: '/manage/accounts' })
      .withCsrfToken()
      .redirects(0)
    back.assertHeader('location', '/manage/accounts')
    const evil = await client
      .post(urlFor('sessions.store'))
      .form({ identifier: 'ccy_next', password: admin.password, next: '//evil.example/x' })
      .withCsrfToken()
      .redirects(0)
    evil.assertHeader('location', '/manage')
  })

  test('a sign-in form without its CSRF token is refused', async ({ client, assert }) => {
    const admin = await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_csrf',
    })
    const response = await client
      .post(urlFor('sessions.store'))
      .form({ identifier: 'ccy_csrf', password: admin.password })
      .redirects(0)
    assert.notEqual(response.header('location'), '/manage')
    assert.lengthOf(await db.from('audit_events').where('action', 'auth.signed_in'), 0)
  })

  test('signing out ends the session and is logged', async ({ client, assert }) => {
    const admin = await createTestAccount({ role: 'admin', regionCode: '220104' })
    const response = await client
      .post(urlFor('sessions.destroy'))
      .loginAs(admin.user)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/')
    response.assertFlashMessage('success', '您已安全退出')
    assert.lengthOf(
      await db.from('audit_events').where('action', 'auth.signed_out').where('actor_id', admin.id),
      1
    )
  })

  test('validation messages follow the chosen language', async ({ client }) => {
    const zh = await client
      .post(urlFor('sessions.store'))
      .header('referer', '/login')
      .form({ identifier: '', password: '' })
      .withCsrfToken()
      .redirects(0)
    assertFieldError(zh, 'identifier', '请填写手机号或用户名')
    const en = await client
      .post(urlFor('sessions.store'))
      .header('referer', '/login')
      .header('accept-language', 'en')
      .form({ identifier: '', password: '' })
      .withCsrfToken()
      .redirects(0)
    assertFieldError(en, 'identifier', 'Enter the mobile number or username')
  })
})
