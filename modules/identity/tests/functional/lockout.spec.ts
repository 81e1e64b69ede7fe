import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import hash from '@adonisjs/core/services/hash'
import { randomUUID } from 'node:crypto'
import { configProvider } from '@adonisjs/core'
import { SessionCollection } from '@adonisjs/session'
import { DomainError } from '#kernel/exceptions/domain_error'
import { SignIn } from '../../actions/sign_in.js'
import { ChangeOwnPassword } from '../../actions/change_own_password.js'
import { ConfirmPassword } from '../../actions/confirm_password.js'
import User from '../../models/user.js'
import { createTestAccount } from '../../testing.js'

const INVALID = '手机号/用户名或密码不正确'
const LOCKED = '连续输错次数过多，请 15 分钟后再试'
const meta = (ip: string) => ({ ip, userAgent: 'test' })

/* Lockouts that a different spelling, a forged header, another address or a burst cannot sidestep. */
test.group('Sign-in lockout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  /* The memory limiter outlives the test's transaction: leave no spent counters to later suites. */
  group.each.teardown(() => limiter.clear())

  test('a phone written with +86 and hyphens shares the lockout of the plain phone', async ({
    client,
  }) => {
    const parent = await createTestAccount({ role: 'parent', phone: '13900000201' })
    const spellings = [
      '+8613900000201',
      '139-0000-0201',
      '1-3900000201',
      '+86 139 0000 0201',
      '86-139-0000-0201',
    ]
    for (const identifier of spellings) {
      const response = await client
        .post(urlFor('sessions.store'))
        .header('referer', '/login')
        .form({ identifier, password: 'wrong-password-1' })
        .withCsrfToken()
        .redirects(0)
      response.assertFlashMessage('error', INVALID)
    }
    const right = await client
      .post(urlFor('sessions.store'))
      .header('referer', '/login')
      .form({ identifier: '13900000201', password: parent.password })
      .withCsrfToken()
      .redirects(0)
    right.assertFlashMessage('error', LOCKED)
  })

  test('a spoofed X-Forwarded-For does not give a fresh lockout bucket', async ({ client }) => {
    const admin = await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_xff',
    })
    for (let i = 0; i < 5; i++) {
      const response = await client
        .post(urlFor('sessions.store'))
        .header('referer', '/login')
        .header('x-forwarded-for', `203.0.113.${i + 1}`)
        .form({ identifier: 'ccy_xff', password: 'wrong-password-1' })
        .withCsrfToken()
        .redirects(0)
      response.assertFlashMessage('error', INVALID)
    }
    const fresh = await client
      .post(urlFor('sessions.store'))
      .header('referer', '/login')
      .header('x-forwarded-for', '198.51.100.77')
      .form({ identifier: 'ccy_xff', password: admin.password })
      .withCsrfToken()
      .redirects(0)
    fresh.assertFlashMessage('error', LOCKED)
  })

  test('the username and the phone of one account share one lockout', async ({ client }) => {
    const admin = await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_both',
      phone: '13900000202',
    })
    for (const identifier of [
      'ccy_both',
      '13900000202',
      'CCY_BOTH',
      '+8613900000202',
      'ccy_both',
    ]) {
      await client
        .post(urlFor('sessions.store'))
        .header('referer', '/login')
        .form({ identifier, password: 'wrong-password-1' })
        .withCsrfToken()
        .redirects(0)
    }
    const right = await client
      .post(urlFor('sessions.store'))
      .header('referer', '/login')
      .form({ identifier: '13900000202', password: admin.password })
      .withCsrfToken()
      .redirects(0)
    right.assertFlashMessage('error', LOCKED)
  })

  test('guessing from many addresses still locks the account itself', async ({ assert }) => {
    const admin = await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_spread',
    })
    const failures = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new SignIn()
          .handle({
            identifier: 'ccy_spread',
            password: 'wrong-password-1',
            meta: meta(`10.1.0.${i}`),
          })
          .catch((e: DomainError) => e.messageKey)
      )
    )
    assert.deepEqual(
      [...new Set(failures)],
      ['identity.sign_in.invalid'],
      'each address is still under its own five'
    )
    const error = await new SignIn()
      .handle({ identifier: 'ccy_spread', password: admin.password!, meta: meta('10.1.0.200') })
      .catch((e) => e)
    assert.instanceOf(error, DomainError)
    assert.equal(error.messageKey, 'identity.sign_in.locked')
  }).timeout(90_000)

  test('twenty concurrent wrong guesses are all counted: at most five are checked', async ({
    assert,
  }) => {
    await createTestAccount({ role: 'admin', regionCode: '220104', username: 'ccy_burst' })
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        new SignIn()
          .handle({ identifier: 'ccy_burst', password: 'wrong-password-1', meta: meta('10.2.0.1') })
          .catch((e: DomainError) => e.messageKey)
      )
    )
    assert.equal(outcomes.filter((key) => key === 'identity.sign_in.invalid').length, 5)
    assert.equal(outcomes.filter((key) => key === 'identity.sign_in.locked').length, 15)
  })

  test('a successful sign-in starts the account counter again', async ({ assert }) => {
    const admin = await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_reset_ok',
    })
    for (let i = 0; i < 4; i++) {
      await assert.rejects(() =>
        new SignIn().handle({
          identifier: 'ccy_reset_ok',
          password: 'wrong',
          meta: meta('10.3.0.1'),
        })
      )
    }
    await new SignIn().handle({
      identifier: 'ccy_reset_ok',
      password: admin.password!,
      meta: meta('10.3.0.1'),
    })
    for (let i = 0; i < 4; i++) {
      await assert.rejects(() =>
        new SignIn().handle({
          identifier: 'ccy_reset_ok',
          password: 'wrong',
          meta: meta('10.3.0.1'),
        })
      )
    }
    await new SignIn().handle({
      identifier: 'ccy_reset_ok',
      password: admin.password!,
      meta: meta('10.3.0.1'),
    })
  })
})

test.group('Changing one’s own password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  /* The memory limiter outlives the test's transaction: leave no spent counters to later suites. */
  group.each.teardown(() => limiter.clear())

  test('changing the password ends other sessions', async ({ assert }) => {
    const admin = await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_sessions',
    })
    /* Two signed-in devices, stored and tagged as the sign-in controller does (the test client drops its own sessions). */
    const config = (await configProvider.resolve<any>(app, app.config.get('session')))!
    const store = config.stores.memory()
    const devices = [randomUUID(), randomUUID()]
    for (const id of devices) {
      await store.write(id, { auth_web: admin.id })
      await store.tag(id, String(admin.id))
    }
    const collection = await app.container.make(SessionCollection)
    assert.sameMembers(
      (await collection.tagged(String(admin.id))).map((s) => s.id),
      devices
    )

    await new ChangeOwnPassword().handle(admin.user, {
      currentPassword: admin.password!,
      newPassword: 'a-new-secret-99',
      sessionId: devices[0]!,
      meta: meta('10.4.0.1'),
    })
    assert.deepEqual(
      (await collection.tagged(String(admin.id))).map((s) => s.id),
      [devices[0]]
    )
  })

  test('guessing the current password is rate-limited, concurrent guesses included', async ({
    client,
    assert,
  }) => {
    const admin = await createTestAccount({ role: 'admin', regionCode: '220104' })
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        client
          .put(urlFor('passwords.update'))
          .header('referer', '/account/password')
          .loginAs(admin.user)
          .form({
            currentPassword: 'not-it-12345',
            password: 'a-new-secret-99',
            passwordConfirmation: 'a-new-secret-99',
          })
          .withCsrfToken()
          .redirects(0)
      )
    )
    const messages = outcomes.map((r) => String(r.flashMessage('error')))
    assert.equal(messages.filter((m) => m === '当前密码不正确').length, 5)
    assert.equal(messages.filter((m) => m === LOCKED).length, 5)

    /* Even the right current password waits out the lock. */
    await new ChangeOwnPassword()
      .handle(admin.user, {
        currentPassword: admin.password!,
        newPassword: 'a-new-secret-99',
        sessionId: 'x',
        meta: meta('10.4.0.2'),
      })
      .then(
        () => assert.fail('changed while locked'),
        (e: DomainError) => assert.equal(e.messageKey, 'identity.sign_in.locked')
      )
    const row = await User.findOrFail(admin.id)
    assert.isTrue(await hash.verify(row.password!, admin.password!))
  })
})

test.group('Confirming one’s password before a weighty act', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  /* The memory limiter outlives the test's transaction: leave no spent counters to later suites. */
  group.each.teardown(() => limiter.clear())

  test('ten concurrent wrong confirmations check at most five', async ({ assert }) => {
    const parent = await createTestAccount({ role: 'parent' })
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        new ConfirmPassword()
          .handle(parent.user, 'not-it-12345', meta('10.5.0.1'), 'test')
          .catch((e: DomainError) => e.messageKey)
      )
    )
    assert.equal(outcomes.filter((key) => key === 'identity.confirm.wrong').length, 5)
    assert.equal(outcomes.filter((key) => key === 'identity.confirm.locked').length, 5)
  })
})
