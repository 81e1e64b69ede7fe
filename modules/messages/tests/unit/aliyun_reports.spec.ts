import { test } from '@japa/runner'
import { type AliyunChannelConfig, createAliyunChannel } from '../../channels/aliyun.js'
import { ReportFetchError, type SentText, type SmsRequest } from '../../channels/sms_channel.js'
import { type AliyunStandIn, startAliyunStandIn } from '../stand_ins/aliyun_stand_in.js'
import { flipOneDigit, replay } from '../stand_ins/stand_in_server.js'

const KEY_ID = 'LTAI5tXiaowaiReports'
const SECRET = 'aliyun-reports-secret-0123456789'

function text(phone: string, overrides: Partial<SmsRequest> = {}): SmsRequest {
  return {
    phone,
    templateCode: 'SMS_465870001',
    params: [{ name: 'code', value: '482913' }],
    signName: '小外',
    reference: `delivery-${phone}`,
    ...overrides,
  }
}

test.group('Aliyun delivery reports (QuerySendDetails), against the stand-in', (group) => {
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

  /* Sends through the adapter, so the report is asked about exactly as the job asks. */
  async function sent(phone: string): Promise<SentText> {
    const sentAt = new Date()
    const result = await channel().send(text(phone))
    if (!result.ok) throw new Error(`not sent: ${JSON.stringify(result)}`)
    return { providerMessageId: result.providerMessageId, phone, sentAt }
  }

  group.each.setup(async () => {
    standIn = await startAliyunStandIn({
      accessKeys: { [KEY_ID]: SECRET },
      signNames: ['小外'],
      templates: { SMS_465870001: ['code'] },
    })
    return () => standIn.close()
  })

  test('a delivered text, an undelivered one with its code and a pending one', async ({
    assert,
  }) => {
    const delivered = await sent('13800138001')
    const off = await sent('13800138002')
    const waiting = await sent('13800138003')
    standIn.markUndelivered(off.providerMessageId)
    standIn.markPending(waiting.providerMessageId)

    const reports = await channel().fetchReports!([delivered, off, waiting])

    assert.lengthOf(reports, 3)
    const [ok, failed, pending] = reports
    assert.equal(ok!.providerMessageId, delivered.providerMessageId)
    assert.equal(ok!.outcome, 'delivered')
    assert.equal(ok!.code, 'DELIVERED')
    /* ReceiveDate is Beijing time without a zone: read as +08:00, it is seconds after the send. */
    const lag = ok!.at!.getTime() - delivered.sentAt.getTime()
    assert.isAtLeast(lag, 0)
    assert.isBelow(lag, 10_000)
    assert.deepInclude(failed, {
      providerMessageId: off.providerMessageId,
      outcome: 'undelivered',
      code: 'MOBILE_NOT_ON_SERVICE',
    })
    assert.deepEqual(pending, { providerMessageId: waiting.providerMessageId, outcome: 'pending' })
    assert.sameDeepMembers(
      standIn.reportQueries.map((q) => q.bizId),
      [delivered, off, waiting].map((t) => t.providerMessageId)
    )
    assert.match(standIn.reportQueries[0]!.sendDate, /^\d{8}$/)
  })

  test('each text is asked for by its number, BizId and Beijing day', async ({ assert }) => {
    const real = await sent('13800138004')
    /* The same BizId under another day finds no record: still pending, not delivered. */
    const reports = await channel().fetchReports!([
      { ...real, sentAt: new Date(real.sentAt.getTime() - 2 * 86_400_000) },
    ])
    assert.deepEqual(reports, [{ providerMessageId: real.providerMessageId, outcome: 'pending' }])
    assert.deepEqual(standIn.reportQueries[0], {
      phone: '13800138004',
      bizId: real.providerMessageId,
      sendDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
        .format(new Date(real.sentAt.getTime() - 2 * 86_400_000))
        .replace(/-/g, ''),
    })
  })

  test('a wrong secret is refused by the signature check and stops the pull', async ({
    assert,
  }) => {
    const one = await sent('13800138005')
    const error = await channel({ accessKeySecret: `${SECRET}x` }).fetchReports!([one]).catch(
      (e: unknown) => e
    )

    assert.instanceOf(error, ReportFetchError)
    assert.equal((error as ReportFetchError).failure, 'auth')
    assert.equal((error as ReportFetchError).providerCode, 'SignatureDoesNotMatch')
    assert.lengthOf(standIn.reportQueries, 0)
  })

  test('a signed QuerySendDetails with one query byte changed is refused', async ({ assert }) => {
    const one = await sent('13800138006')
    await channel().fetchReports!([one])
    const signed = standIn.requests.find((r) => r.headers['x-acs-action'] === 'QuerySendDetails')!
    const at = signed.url.indexOf('PhoneNumber=13800138006') + 'PhoneNumber=1380013800'.length

    const altered = await replay(standIn.port, { ...signed, url: flipOneDigit(signed.url, at) })
    assert.equal(altered.status, 400)
    assert.equal(altered.body.Code, 'SignatureDoesNotMatch')
    assert.lengthOf(standIn.reportQueries, 1)
  })

  test('an outage stops the pull as unavailable, for the next run to ask again', async ({
    assert,
  }) => {
    const one = await sent('13900139001')
    standIn.failNextWithServiceUnavailable()
    const error = await channel().fetchReports!([one]).catch((e: unknown) => e)

    assert.instanceOf(error, ReportFetchError)
    assert.equal((error as ReportFetchError).failure, 'unavailable')
    assert.deepEqual((error as ReportFetchError).reports, [])
  })
})
