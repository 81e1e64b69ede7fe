import { test } from '@japa/runner'
import { type AliyunChannelConfig, createAliyunChannel } from '../../channels/aliyun.js'
import type { SmsRequest, SmsResult } from '../../channels/sms_channel.js'
import { type AliyunStandIn, startAliyunStandIn } from '../stand_ins/aliyun_stand_in.js'
import { closedPort, flipOneDigit, replay } from '../stand_ins/stand_in_server.js'

const KEY_ID = 'LTAI5tXiaowaiTest'
const SECRET = 'aliyun-test-secret-0123456789'

/** A verification code to one number, through an approved template: accepted as is. */
function code(overrides: Partial<SmsRequest> = {}): SmsRequest {
  return {
    phone: '13800138000',
    templateCode: 'SMS_465870001',
    params: [{ name: 'code', value: '482913' }],
    signName: '小外',
    reference: 'delivery-101',
    ...overrides,
  }
}

function failure(result: SmsResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return result
}

test.group('Aliyun channel, against a stand-in that checks what Alibaba Cloud checks', (group) => {
  let standIn: AliyunStandIn
  const channel = (overrides: Partial<AliyunChannelConfig> = {}) =>
    createAliyunChannel({
      accessKeyId: KEY_ID,
      accessKeySecret: SECRET,
      endpoint: standIn.endpoint,
      protocol: 'http',
      timeoutMs: 2000,
      ...overrides,
    })

  group.each.setup(async () => {
    standIn = await startAliyunStandIn({
      accessKeys: { [KEY_ID]: SECRET },
      signNames: ['小外'],
      templates: { SMS_465870001: ['code'], SMS_465870002: ['name', 'time'] },
      perNumberIntervalMs: 60_000,
    })
    return () => standIn.close()
  })

  test('an accepted text returns the BizId, and exactly our text is delivered', async ({
    assert,
  }) => {
    const result = await channel().send(
      code({
        templateCode: 'SMS_465870002',
        params: [
          { name: 'name', value: '王小明' },
          { name: 'time', value: '3月5日 19:00' },
        ],
      })
    )

    assert.isTrue(result.ok)
    assert.deepEqual(standIn.delivered, [
      {
        phone: '13800138000',
        signName: '小外',
        templateCode: 'SMS_465870002',
        params: { name: '王小明', time: '3月5日 19:00' },
        outId: 'delivery-101',
        bizId: (result as { providerMessageId: string }).providerMessageId,
      },
    ])
    assert.match(standIn.delivered[0]!.bizId, /^\d+\^0$/)
  })

  test('a wrong secret is refused as auth: the stand-in verifies the signature', async ({
    assert,
  }) => {
    const result = failure(await channel({ accessKeySecret: `${SECRET}x` }).send(code()))

    assert.equal(result.failure, 'auth')
    assert.equal(result.providerCode, 'SignatureDoesNotMatch')
    assert.isFalse(result.retryable)
    assert.lengthOf(standIn.delivered, 0)
  })

  test('an unknown AccessKeyId is refused as auth', async ({ assert }) => {
    const result = failure(await channel({ accessKeyId: 'LTAI5tSomeoneElse' }).send(code()))

    assert.equal(result.failure, 'auth')
    assert.equal(result.providerCode, 'InvalidAccessKeyId.NotFound')
  })

  test('a signed request is accepted once; one query byte changed breaks the signature', async ({
    assert,
  }) => {
    assert.isTrue((await channel().send(code())).ok)
    const signed = standIn.requests[0]!
    const at = signed.url.indexOf('PhoneNumbers=13800138000') + 'PhoneNumbers=1380013800'.length

    const altered = await replay(standIn.port, { ...signed, url: flipOneDigit(signed.url, at) })
    assert.equal(altered.status, 400)
    assert.equal(altered.body.Code, 'SignatureDoesNotMatch')

    /* Unchanged, it passes the signature check and is stopped only as a replay. */
    const again = await replay(standIn.port, signed)
    assert.equal(again.status, 400)
    assert.equal(again.body.Code, 'SignatureNonceUsed')
    assert.lengthOf(standIn.delivered, 1)
  })

  test('an unknown template is template_rejected', async ({ assert }) => {
    const result = failure(await channel().send(code({ templateCode: 'SMS_000000000' })))

    assert.equal(result.failure, 'template_rejected')
    assert.equal(result.providerCode, 'isv.SMS_TEMPLATE_ILLEGAL')
    assert.isFalse(result.retryable)
  })

  test('an unapproved sign name and a missing parameter are template_rejected', async ({
    assert,
  }) => {
    const sign = failure(await channel().send(code({ signName: '别家' })))
    assert.equal(sign.providerCode, 'isv.SMS_SIGNATURE_ILLEGAL')
    assert.equal(sign.failure, 'template_rejected')

    const missing = failure(
      await channel().send(
        code({ templateCode: 'SMS_465870002', params: [{ name: 'name', value: '王小明' }] })
      )
    )
    assert.equal(missing.providerCode, 'isv.TEMPLATE_MISSING_PARAMETERS')
    assert.equal(missing.failure, 'template_rejected')
  })

  test('a number that is not a mainland mobile is invalid_number, never retried', async ({
    assert,
  }) => {
    const result = failure(await channel().send(code({ phone: '2380013800' })))

    assert.equal(result.failure, 'invalid_number')
    assert.equal(result.providerCode, 'isv.MOBILE_NUMBER_ILLEGAL')
    assert.isFalse(result.retryable)
  })

  test('a second text to one number within the minute is throttled, retryable', async ({
    assert,
  }) => {
    assert.isTrue((await channel().send(code())).ok)
    const result = failure(await channel().send(code({ reference: 'delivery-102' })))

    assert.equal(result.failure, 'throttled')
    assert.equal(result.providerCode, 'isv.BUSINESS_LIMIT_CONTROL')
    assert.isTrue(result.retryable)
    assert.lengthOf(standIn.delivered, 1)
    /* Another number is not held back by the first one's limit. */
    assert.isTrue((await channel().send(code({ phone: '13900139000' }))).ok)
  })

  test('a server error is unavailable, retryable', async ({ assert }) => {
    standIn.failNextWithServiceUnavailable()
    const result = failure(await channel().send(code()))

    assert.equal(result.failure, 'unavailable')
    assert.equal(result.providerCode, 'ServiceUnavailable')
    assert.isTrue(result.retryable)
  })

  test('nothing listening is unavailable, retryable', async ({ assert }) => {
    const port = await closedPort()
    const result = failure(await channel({ endpoint: `127.0.0.1:${port}` }).send(code()))

    assert.equal(result.failure, 'unavailable')
    assert.equal(result.providerCode, 'ECONNREFUSED')
    assert.isTrue(result.retryable)
  })

  test('no answer within the timeout is unavailable, and the code stays out of the detail', async ({
    assert,
  }) => {
    standIn.hang()
    const started = Date.now()
    const result = failure(await channel({ timeoutMs: 300 }).send(code()))

    assert.equal(result.failure, 'unavailable')
    assert.isTrue(result.retryable)
    assert.isBelow(Date.now() - started, 1500)
    assert.lengthOf(standIn.requests, 1, 'one attempt: the messages outbox decides on retries')
    assert.notInclude(result.detail, '482913')
  })
})
