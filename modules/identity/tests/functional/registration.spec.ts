import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { phoneIndex } from '#kernel/shared/personal_data'
import { assertFieldError } from '#tests/helpers/http'
import { createTestAccount, uniquePhone } from '../../testing.js'
import { codeIn, lastMessageTo } from '../texts.js'

test.group('Parent registration with a texted code', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a parent proves the phone, chooses a name and password, and is signed in', async ({
    client,
    assert,
  }) => {
    const phone = uniquePhone()
    const sent = await client
      .post(urlFor('registrations.send_code'))
      .form({ phone })
      .withCsrfToken()
      .redirects(0)
    sent.assertHeader('location', '/register')
    sent.assertSession('register.phone', phone)
    const code = codeIn(await lastMessageTo(phone))
    assert.match(code!, /^\d{6}$/)

    const page = await client
      .get(urlFor('registrations.create'))
      .withSession({ 'register.phone': phone })
    page.assertTextIncludes(`${phone.slice(0, 3)}****${phone.slice(-4)}`)

    const done = await client
      .post(urlFor('registrations.store'))
      .withSession({ 'register.phone': phone })
      .form({
        code,
        displayName: '王丽',
        password: 'my secret 2026',
        passwordConfirmation: 'my secret 2026',
      })
      .withCsrfToken()
      .redirects(0)
    done.assertHeader('location', '/parent')
    const user = await db.from('users').where('phone_index', phoneIndex(phone)).firstOrFail()
    assert.equal(user.role, 'parent')
    assert.equal(user.status, 'active')
    assert.notInclude(user.phone_cipher, phone, 'the phone number is stored encrypted')
    assert.notEqual(user.password, 'my secret 2026')
  })

  test('a wrong code is refused and counted; the code dies after five tries', async ({
    client,
    assert,
  }) => {
    const phone = uniquePhone()
    await client
      .post(urlFor('registrations.send_code'))
      .form({ phone })
      .withCsrfToken()
      .redirects(0)
    const code = codeIn(await lastMessageTo(phone))!
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const submit = (value: string) =>
      client
        .post(urlFor('registrations.store'))
        .header('referer', '/register')
        .withSession({ 'register.phone': phone })
        .form({
          code: value,
          displayName: '王丽',
          password: 'my secret 2026',
          passwordConfirmation: 'my secret 2026',
        })
        .withCsrfToken()
        .redirects(0)

    const first = await submit(wrong)
    assertFieldError(first, 'code', '验证码不正确，还可尝试 4 次')
    first.assertFlashMessage('displayName', '王丽')
    for (let i = 0; i < 4; i++) await submit(wrong)
    const afterBurn = await submit(code)
    assertFieldError(afterBurn, 'code', '验证码已失效，请重新获取')
    assert.isNull(await db.from('users').where('phone_index', phoneIndex(phone)).first())
  })

  test('registration code request answers the same for a registered phone', async ({
    client,
    assert,
  }) => {
    const existing = await createTestAccount({ role: 'parent' })
    const fresh = uniquePhone()
    const ask = (phone: string) =>
      client
        .post(urlFor('registrations.send_code'))
        .header('referer', '/register')
        .form({ phone })
        .withCsrfToken()
        .redirects(0)
    const [taken, free] = [await ask(existing.phone), await ask(fresh)]
    const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`
    for (const [response, phone] of [
      [taken, existing.phone],
      [free, fresh],
    ] as const) {
      response.assertStatus(302)
      response.assertHeader('location', '/register')
      response.assertFlashMessage('success', `验证码已发送至 ${masked(phone)}，10 分钟内有效`)
      response.assertSession('register.phone', phone)
      assert.notProperty(response.flashMessages(), 'inputErrorsBag')
    }
    /* Only the phone's holder learns it is registered: the text says so, and carries no code. */
    const note = await lastMessageTo(existing.phone)
    assert.include(note, '已注册平台账号')
    assert.isNull(codeIn(note))
    assert.isNull(
      await db.from('verification_codes').where('phone_index', phoneIndex(existing.phone)).first()
    )
    assert.match(codeIn(await lastMessageTo(fresh))!, /^\d{6}$/)

    /* Submitting any code for the registered phone reads like a wrong code, not like "taken". */
    const guess = await client
      .post(urlFor('registrations.store'))
      .header('referer', '/register')
      .withSession({ 'register.phone': existing.phone })
      .form({
        code: '123456',
        displayName: '王丽',
        password: 'my secret 2026',
        passwordConfirmation: 'my secret 2026',
      })
      .withCsrfToken()
      .redirects(0)
    assertFieldError(guess, 'code', '验证码已失效，请重新获取')
  })

  test('codes cannot be requested every second', async ({ client }) => {
    const phone = uniquePhone()
    await client
      .post(urlFor('registrations.send_code'))
      .form({ phone })
      .withCsrfToken()
      .redirects(0)
    const again = await client
      .post(urlFor('registrations.send_code'))
      .header('referer', '/register')
      .form({ phone })
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error')
    assertFieldError(again, 'phone', String(again.flashMessage('error')))
  })

  test('bad input keeps what was typed and explains in the user language', async ({ client }) => {
    const bad = await client
      .post(urlFor('registrations.send_code'))
      .header('referer', '/register')
      .form({ phone: '12345' })
      .withCsrfToken()
      .redirects(0)
    assertFieldError(bad, 'phone', '请输入 11 位中国大陆手机号码')
    bad.assertFlashMessage('phone', '12345')

    const phone = uniquePhone()
    const weak = await client
      .post(urlFor('registrations.store'))
      .header('referer', '/register')
      .header('accept-language', 'en')
      .withSession({ 'register.phone': phone })
      .form({ code: '123456', displayName: 'Li', password: 'short', passwordConfirmation: 'other' })
      .withCsrfToken()
      .redirects(0)
    assertFieldError(weak, 'password', 'The password needs at least 10 characters')
  })
})
