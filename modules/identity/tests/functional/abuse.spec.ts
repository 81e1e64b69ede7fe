import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { type DomainError } from '#kernel/exceptions/domain_error'
import { SendVerificationCode } from '../../actions/send_verification_code.js'
import { IssuePasswordLink } from '../../actions/issue_password_link.js'
import User from '../../models/user.js'
import { createTestAccount, uniquePhone } from '../../testing.js'
import { codeIn, lastMessageTo, linkIn, loggedTo } from '../texts.js'

const meta = (ip: string) => ({ ip, userAgent: 'test' })

/* Code requests cannot flood a phone, pump SMS from one address, or leave secrets in the log. */
test.group('SMS abuse and secrets in the log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  /* The memory limiter outlives the test's transaction: leave no spent counters to later suites. */
  group.each.teardown(() => limiter.clear())

  test('50 concurrent code requests for one phone send at most the cap', async ({ assert }) => {
    const phone = uniquePhone()
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        new SendVerificationCode()
          .handle({ phone, purpose: 'register', meta: meta(`10.20.0.${i}`) })
          .then(
            () => 'sent',
            (e: DomainError) => e.messageKey
          )
      )
    )
    assert.equal(outcomes.filter((o) => o === 'sent').length, 1)
    assert.equal(outcomes.filter((o) => o === 'identity.code.too_often').length, 49)
    assert.lengthOf(await loggedTo(phone), 1)
  })

  test('one address cannot text more than thirty phones an hour, even all at once', async ({
    assert,
  }) => {
    const phones = Array.from({ length: 40 }, () => uniquePhone())
    const outcomes = await Promise.all(
      phones.map((phone) =>
        new SendVerificationCode()
          .handle({ phone, purpose: 'complaint', meta: meta('10.21.0.1') })
          .then(
            () => 'sent',
            (e: DomainError) => e.messageKey
          )
      )
    )
    assert.equal(outcomes.filter((o) => o === 'sent').length, 30)
    const texted = (await Promise.all(phones.map((p) => loggedTo(p)))).flat()
    assert.lengthOf(texted, 30)
  })

  test('the complaint code request goes through the same per-phone cap', async ({
    client,
    assert,
  }) => {
    const parent = await createTestAccount({ role: 'parent' })
    const first = await client
      .post(urlFor('complaints.code'))
      .form({ phone: parent.phone })
      .withCsrfToken()
    first.assertTextIncludes('验证码已发送至')
    assert.match(codeIn(await lastMessageTo(parent.phone))!, /^\d{6}$/)
    const again = await client
      .post(urlFor('complaints.code'))
      .form({ phone: parent.phone })
      .withCsrfToken()
    again.assertTextIncludes('获取验证码过于频繁')
  })

  test('the text log stores no live link token', async ({ assert }) => {
    const admin = await createTestAccount({ role: 'admin', regionCode: '220104', password: null })
    await new IssuePasswordLink().handle(await User.findOrFail(admin.id), null, 'new_account')
    const delivered = await lastMessageTo(admin.phone)
    const token = linkIn(delivered)!.split('/').pop()!
    assert.lengthOf(token, 43)
    const logged = await loggedTo(admin.phone)
    assert.lengthOf(logged, 1)
    assert.include(logged[0].body_masked, '/password/set/******')
    assert.isNull(logged[0].params_cipher, 'the sealed parameters are gone once the text is sent')
    assert.notInclude(JSON.stringify(logged[0]), token)
  })

  test('the text log stores no verification code', async ({ assert }) => {
    const phone = uniquePhone()
    await new SendVerificationCode().handle({ phone, purpose: 'register', meta: meta('10.22.0.1') })
    const code = codeIn(await lastMessageTo(phone))!
    const [logged] = await loggedTo(phone)
    assert.include(logged.body_masked, '验证码 ******')
    assert.equal(logged.status, 'sent')
    assert.notInclude(JSON.stringify(logged), code)
  })
})
