import { test } from '@japa/runner'
import { ReportFetchError, type SmsRequest } from '../../channels/sms_channel.js'
import { type TencentChannelConfig, createTencentChannel } from '../../channels/tencent.js'
import { type TencentStandIn, startTencentStandIn } from '../stand_ins/tencent_stand_in.js'

const SECRET_ID = 'AKIDxiaowaiReports0123456'
const SECRET_KEY = 'tencent-reports-secret-0123456789'
const APP_ID = '1400987655'

function text(phone: string): SmsRequest {
  return {
    phone,
    templateCode: '2100001',
    params: [{ name: 'code', value: '482913' }],
    signName: '小外',
    reference: `delivery-${phone}`,
  }
}

test.group('Tencent delivery reports (PullSmsSendStatus), against the stand-in', (group) => {
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

  async function sent(phone: string) {
    const sentAt = new Date()
    const result = await channel().send(text(phone))
    if (!result.ok) throw new Error(`not sent: ${JSON.stringify(result)}`)
    return { providerMessageId: result.providerMessageId, phone, sentAt }
  }

  group.each.setup(async () => {
    standIn = await startTencentStandIn({
      secrets: { [SECRET_ID]: SECRET_KEY },
      apps: [APP_ID],
      signNames: ['小外'],
      templates: { '2100001': 1 },
    })
    return () => standIn.close()
  })

  test('delivered, undelivered with its code, and a pending text not reported', async ({
    assert,
  }) => {
    const delivered = await sent('13800138011')
    const off = await sent('13800138012')
    const waiting = await sent('13800138013')
    standIn.markUndelivered(off.providerMessageId)
    standIn.markPending(waiting.providerMessageId)

    const reports = await channel().fetchReports!([delivered, off, waiting])

    assert.lengthOf(reports, 2, 'a text with no receipt yet is not reported: it is pending')
    const byId = new Map(reports.map((r) => [r.providerMessageId, r]))
    const ok = byId.get(delivered.providerMessageId)!
    assert.equal(ok.outcome, 'delivered')
    assert.equal(ok.code, 'DELIVRD')
    /* UserReceiveTime is in seconds; the receipt comes seconds after the send. */
    const lag = ok.at!.getTime() - delivered.sentAt.getTime()
    assert.isAtLeast(lag, -1000)
    assert.isBelow(lag, 10_000)
    assert.deepInclude(byId.get(off.providerMessageId), {
      outcome: 'undelivered',
      code: 'UNDELIV',
    })
    assert.isFalse(byId.has(waiting.providerMessageId))
  })

  test('each report is handed out once; a held one comes on a later pull', async ({ assert }) => {
    const first = await sent('13800138014')
    const later = await sent('13800138015')
    standIn.markPending(later.providerMessageId)

    const once = await channel().fetchReports!([first, later])
    assert.deepEqual(
      once.map((r) => r.providerMessageId),
      [first.providerMessageId]
    )
    standIn.release(later.providerMessageId)
    const twice = await channel().fetchReports!([later])
    assert.deepEqual(
      twice.map((r) => [r.providerMessageId, r.outcome]),
      [[later.providerMessageId, 'delivered']]
    )
    assert.deepEqual(await channel().fetchReports!([]), [])
  })

  test('more than a page of reports is drained page by page', async ({ assert }) => {
    for (let n = 0; n < 101; n++) {
      standIn.resetRateLimits()
      await sent(`139${String(n).padStart(8, '0')}`)
    }
    const reports = await channel().fetchReports!([])
    assert.lengthOf(reports, 101)
    assert.equal(new Set(reports.map((r) => r.providerMessageId)).size, 101)
    assert.equal(standIn.pulls, 2)
  })

  test('a wrong secret key is refused by the signature check; the reports stay queued', async ({
    assert,
  }) => {
    const one = await sent('13800138016')
    const error = await channel({ secretKey: `${SECRET_KEY}x` }).fetchReports!([one]).catch(
      (e: unknown) => e
    )

    assert.instanceOf(error, ReportFetchError)
    assert.equal((error as ReportFetchError).failure, 'auth')
    assert.equal((error as ReportFetchError).providerCode, 'AuthFailure.SignatureFailure')
    assert.equal(standIn.pulls, 0)
    const reports = await channel().fetchReports!([one])
    assert.deepEqual(
      reports.map((r) => r.providerMessageId),
      [one.providerMessageId]
    )
  })

  test('an app that is not ours is refused as auth', async ({ assert }) => {
    const error = await channel({ smsSdkAppId: '1400000001' }).fetchReports!([]).catch(
      (e: unknown) => e
    )
    assert.instanceOf(error, ReportFetchError)
    assert.equal((error as ReportFetchError).providerCode, 'InvalidParameterValue.SdkAppIdNotExist')
  })
})
