import { test } from '@japa/runner'
import type { SmsRequest, SmsResult } from '../../channels/sms_channel.js'
import { type TencentChannelConfig, createTencentChannel } from '../../channels/tencent.js'
import { type TencentStandIn, startTencentStandIn } from '../stand_ins/tencent_stand_in.js'
import { closedPort, flipOneDigit, replay } from '../stand_ins/stand_in_server.js'

const SECRET_ID = 'AKIDxiaowaiTest0123456789'
const SECRET_KEY = 'tencent-test-secret-0123456789'
const APP_ID = '1400987654'

/** A verification code to one number, through an approved template: accepted as is. */
function code(overrides: Partial<SmsRequest> = {}): SmsRequest {
  return {
    phone: '13800138000',
    templateCode: '2100001',
    params: [{ name: 'code', value: '482913' }],
    signName: '小外',
    reference: 'delivery-201',
    ...overrides,
  }
}

function failure(result: SmsResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

test.group('Tencent channel, against a stand-in that checks what Tencent Cloud checks', (group) => {
  let standIn: TencentStandIn
  const channel = (overrides: Partial<TencentChannelConfig> = {}) =>
    createTencentChannel({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      smsSdkAppId: APP_ID,
      endpoint: standIn.endpoint,
      protocol: 'http',
      timeoutMs: 2000,
      ...overrides,
    })

  group.each.setup(async () => {
    standIn = await startTencentStandIn({
      secrets: { [SECRET_ID]: SECRET_KEY },
      apps: [APP_ID],
      signNames: ['小外'],
      templates: { '2100001': 1, '2100002': 2 },
      blacklist: ['13700137000'],
      perNumberIntervalMs: 30_000,
    })
    return () => standIn.close()
  })

  test('an accepted text returns the SerialNo, and exactly our text is delivered', async ({
    assert,
  }) => {
    const result = await channel().send(
      code({
        templateCode: '2100002',
        params: [
          { name: 'name', value: '王小明' },
          { name: 'time', value: '3月5日 19:00' },
        ],
      })
    )

    assert.isTrue(result.ok)
    assert.deepEqual(standIn.delivered, [
      {
        phone: '+8613800138000',
        appId: APP_ID,
        signName: '小外',
        templateId: '2100002',
        params: ['王小明', '3月5日 19:00'],
        sessionContext: 'delivery-201',
        serialNo: (result as { providerMessageId: string }).providerMessageId,
      },
    ])
    /* Signed for the SMS product and its region, whatever address the stand-in has. */
    const headers = standIn.requests[0]!.headers
    assert.match(
      String(headers.authorization),
      /\/sms\/tc3_request, SignedHeaders=content-type;host,/
    )
    assert.equal(headers['x-tc-region'], 'ap-guangzhou')
  })

  test('a wrong SecretKey is refused as auth: the stand-in verifies the signature', async ({
    assert,
  }) => {
    const result = failure(await channel({ secretKey: `${SECRET_KEY}x` }).send(code()))

    assert.equal(result.failure, 'auth')
    assert.equal(result.providerCode, 'AuthFailure.SignatureFailure')
    assert.isFalse(result.retryable)
    assert.lengthOf(standIn.delivered, 0)
  })

  test('an unknown SecretId and an app id not in the account are auth', async ({ assert }) => {
    const unknownKey = failure(await channel({ secretId: 'AKIDsomeoneElse' }).send(code()))
    assert.equal(unknownKey.failure, 'auth')
    assert.equal(unknownKey.providerCode, 'AuthFailure.SecretIdNotFound')

    const unknownApp = failure(await channel({ smsSdkAppId: '1400000000' }).send(code()))
    assert.equal(unknownApp.failure, 'auth')
    assert.equal(unknownApp.providerCode, 'InvalidParameterValue.SdkAppIdNotExist')
  })

  test('a signed request is accepted; one body byte changed breaks the signature', async ({
    assert,
  }) => {
    assert.isTrue((await channel().send(code())).ok)
    const signed = standIn.requests[0]!
    standIn.resetRateLimits()

    const again = await replay(standIn.port, signed)
    assert.equal(again.body.Response.SendStatusSet[0].Code, 'Ok')

    const body = signed.body.toString('utf8')
    const at = body.indexOf('+8613800138000') + '+861380013800'.length
    const altered = await replay(standIn.port, {
      ...signed,
      body: Buffer.from(flipOneDigit(body, at), 'utf8'),
    })
    assert.equal(altered.body.Response.Error.Code, 'AuthFailure.SignatureFailure')
    assert.deepEqual(
      standIn.delivered.map((text) => text.phone),
      ['+8613800138000', '+8613800138000']
    )
  })

  test('an unknown template, a wrong parameter count and an unapproved sign are template_rejected', async ({
    assert,
  }) => {
    const unknown = failure(await channel().send(code({ templateCode: '9999999' })))
    assert.equal(unknown.failure, 'template_rejected')
    assert.equal(unknown.providerCode, 'FailedOperation.TemplateIncorrectOrUnapproved')
    assert.isFalse(unknown.retryable)

    const count = failure(await channel().send(code({ templateCode: '2100002' })))
    assert.equal(count.failure, 'template_rejected')
    assert.equal(count.providerCode, 'FailedOperation.TemplateIncorrectOrUnapproved')

    const sign = failure(await channel().send(code({ signName: '别家' })))
    assert.equal(sign.failure, 'template_rejected')
    assert.equal(sign.providerCode, 'FailedOperation.SignatureIncorrectOrUnapproved')
    assert.lengthOf(standIn.delivered, 0)
  })

  test('a malformed or blacklisted number is invalid_number, never retried', async ({ assert }) => {
    const malformed = failure(await channel().send(code({ phone: '1380013800' })))
    assert.equal(malformed.failure, 'invalid_number')
    assert.equal(malformed.providerCode, 'InvalidParameterValue.IncorrectPhoneNumber')
    assert.isFalse(malformed.retryable)

    const blacklisted = failure(await channel().send(code({ phone: '13700137000' })))
    assert.equal(blacklisted.failure, 'invalid_number')
    assert.equal(blacklisted.providerCode, 'FailedOperation.PhoneNumberInBlacklist')
    assert.isFalse(blacklisted.retryable)
  })

  test('a second text to one number within 30 seconds is throttled, retryable', async ({
    assert,
  }) => {
    assert.isTrue((await channel().send(code())).ok)
    const result = failure(await channel().send(code({ reference: 'delivery-202' })))

    assert.equal(result.failure, 'throttled')
    assert.equal(result.providerCode, 'LimitExceeded.PhoneNumberThirtySecondLimit')
    assert.isTrue(result.retryable)
    assert.lengthOf(standIn.delivered, 1)
    assert.isTrue((await channel().send(code({ phone: '13900139000' }))).ok)
  })

  test('an InternalError is unavailable, retryable', async ({ assert }) => {
    standIn.failNextWithInternalError()
    const result = failure(await channel().send(code()))

    assert.equal(result.failure, 'unavailable')
    assert.equal(result.providerCode, 'InternalError')
    assert.isTrue(result.retryable)
  })

  test('nothing listening is unavailable, retryable', async ({ assert }) => {
    const port = await closedPort()
    const result = failure(await channel({ endpoint: `127.0.0.1:${port}` }).send(code()))

    assert.equal(result.failure, 'unavailable')
    assert.isTrue(result.retryable)
    assert.include(result.detail, 'ECONNREFUSED')
  })

  test('no answer within the timeout is unavailable, after one attempt', async ({ assert }) => {
    standIn.hang()
    const started = Date.now()
    const result = failure(await channel({ timeoutMs: 300 }).send(code()))

    assert.equal(result.failure, 'unavailable')
    assert.isTrue(result.retryable)
    assert.isBelow(Date.now() - started, 1500)
    assert.lengthOf(standIn.requests, 1)
  })
})
