import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { phoneIndex, sealPhone } from '#kernel/shared/personal_data'
import { createTestAccount, uniquePhone } from '#testing/identity'
import { forgetChannels } from '../../channels/channel_for.js'
import { queueText } from '../../services/queue_text.js'
import { REPORT_WINDOW_HOURS, pullDeliveryReports } from '../../jobs/pull_delivery_reports_job.js'
import type { AliyunStandIn } from '../stand_ins/aliyun_stand_in.js'
import { pointPlatformAtAliyun } from '../stand_ins/platform_on_aliyun.js'

/*
| The report job against the Aliyun stand-in: texts go out through the
| adapter as in production, the stand-in keeps what the carrier "reported",
| and the job asks for it.
*/
const KEY_ID = 'LTAI5tXiaowaiReportsJob'
const SECRET = 'reports-job-secret-9876543210'

const rowTo = (phone: string) =>
  db.from('message_deliveries').where('recipient_index', phoneIndex(phone)).firstOrFail()

async function textTo(phone: string) {
  await queueText({
    kind: 'reminder',
    to: { phone },
    params: { from: '吉林省教育厅', what: '请于本周内完成年度备案信息核对。' },
    key: `reports:${phone}`,
  })
  return rowTo(phone)
}

test.group('Messages: delivery reports pulled from the provider', (group) => {
  let standIn: AliyunStandIn

  group.each.setup(async () => {
    const platform = await pointPlatformAtAliyun({
      keyId: KEY_ID,
      secret: SECRET,
      codeBase: 200001,
    })
    ;({ standIn } = platform)
    return () => platform.restore()
  })

  test('a report is recorded once: the second run changes nothing and asks no more', async ({
    assert,
  }) => {
    const delivered = await textTo(uniquePhone())
    const off = await textTo(uniquePhone())
    const waiting = await textTo(uniquePhone())
    assert.equal(delivered.status, 'sent')
    assert.isNull(delivered.delivery_status, 'sent means only that the provider accepted it')
    standIn.markUndelivered(off.provider_message_id)
    standIn.markPending(waiting.provider_message_id)

    const first = await pullDeliveryReports()
    assert.deepInclude(first, { delivered: 1, undelivered: 1 })
    let [d, o, w] = await Promise.all([delivered, off, waiting].map((row) => byId(row.id)))
    assert.equal(d.delivery_status, 'delivered')
    assert.equal(d.delivery_code, 'DELIVERED')
    assert.isAtLeast(new Date(d.delivered_at).getTime(), new Date(d.sent_at).getTime() - 1000)
    assert.equal(o.delivery_status, 'undelivered')
    assert.equal(o.delivery_code, 'MOBILE_NOT_ON_SERVICE')
    assert.isNull(o.delivered_at)
    assert.isNull(w.delivery_status, 'no receipt yet: unknown, asked again next time')

    /* The provider now says otherwise about the first text: a recorded report stays as it was. */
    standIn.markUndelivered(delivered.provider_message_id, 'MOBILE_ACCOUNT_ABNORMAL')
    const asked = standIn.reportQueries.length
    const second = await pullDeliveryReports()
    assert.deepInclude(second, { delivered: 0, undelivered: 0 })
    ;[d, o, w] = await Promise.all([delivered, off, waiting].map((row) => byId(row.id)))
    assert.equal(d.delivery_status, 'delivered')
    assert.equal(d.delivery_code, 'DELIVERED')
    assert.equal(o.delivery_code, 'MOBILE_NOT_ON_SERVICE')
    assert.deepEqual(
      standIn.reportQueries.slice(asked).map((q) => q.bizId),
      [waiting.provider_message_id],
      'only the text still without a report is asked again'
    )
  })

  test('two runs at once record each report once', async ({ assert }) => {
    const one = await textTo(uniquePhone())
    const runs = await Promise.all([pullDeliveryReports(), pullDeliveryReports()])
    /* Both may have asked; only the first to write a missing report writes it. */
    assert.equal(runs[0].delivered + runs[1].delivered, 1)
    assert.equal((await byId(one.id)).delivery_status, 'delivered')
  })

  test('only texts of the last 72 hours are asked; the outbox channel is never asked', async ({
    assert,
  }) => {
    const old = await textTo(uniquePhone())
    const recent = await textTo(uniquePhone())
    await db
      .from('message_deliveries')
      .where('id', old.id)
      .update({ sent_at: db.raw(`now() - make_interval(hours => ?)`, [REPORT_WINDOW_HOURS + 1]) })
    await db
      .from('message_deliveries')
      .where('id', recent.id)
      .update({ sent_at: db.raw(`now() - make_interval(hours => ?)`, [REPORT_WINDOW_HOURS - 1]) })
    /* A copy of the development channel with no report (kept from before reports existed). */
    const phone = uniquePhone()
    const [outbox] = await db
      .table('message_deliveries')
      .insert({
        kind: 'reminder',
        dedupe_key: `reports:outbox:${phone}`,
        recipient_cipher: sealPhone(phone).cipher,
        recipient_index: phoneIndex(phone),
        recipient_masked: '139****0000',
        body_masked: '吉林省教育厅提醒：请核对',
        provider: 'outbox',
        status: 'sent',
        attempts: 1,
        provider_message_id: 'outbox-0',
        sent_at: new Date(),
      })
      .returning('id')

    await pullDeliveryReports()

    const asked = standIn.reportQueries.map((q) => q.bizId)
    assert.include(asked, recent.provider_message_id)
    assert.notInclude(asked, old.provider_message_id)
    assert.notInclude(asked, 'outbox-0')
    assert.isNull((await byId(old.id)).delivery_status)
    const untouched = await byId(outbox.id)
    assert.isNull(untouched.delivery_status)
    assert.isNull(untouched.delivered_at)
  })

  test('a text through the outbox channel is delivered on send', async ({ assert }) => {
    env.set('NOTIFY_CHANNEL', 'outbox')
    forgetChannels()
    const row = await textTo(uniquePhone())
    assert.equal(row.provider, 'outbox')
    assert.equal(row.status, 'sent')
    assert.equal(row.delivery_status, 'delivered')
    assert.isNotNull(row.delivered_at)
  })

  test('the operators see the report, and the undelivered texts in a tab of their own', async ({
    client,
    assert,
  }) => {
    const delivered = await textTo(uniquePhone())
    const off = await textTo(uniquePhone())
    standIn.markUndelivered(off.provider_message_id)
    await pullDeliveryReports()
    const ministry = await createTestAccount({
      role: 'admin',
      adminLevel: 'ministry',
      regionCode: '000000',
    })

    const sent = await client.get('/manage/messages?status=sent').loginAs(ministry.user)
    sent.assertStatus(200)
    assert.include(sent.text(), `data-delivery-id="${delivered.id}"`)
    assert.notInclude(sent.text(), `data-delivery-id="${off.id}"`)
    assert.include(sent.text(), 'data-report="delivered"')
    assert.include(sent.text(), 'data-status="undelivered"')

    const undelivered = await client
      .get('/manage/messages?status=undelivered')
      .loginAs(ministry.user)
    undelivered.assertStatus(200)
    assert.include(undelivered.text(), `data-delivery-id="${off.id}"`)
    assert.notInclude(undelivered.text(), `data-delivery-id="${delivered.id}"`)
    assert.include(undelivered.text(), 'MOBILE_NOT_ON_SERVICE')
    assert.match(undelivered.text(), /data-status="undelivered"[^>]*>[^<]*\((\d+)\)/)
  })
})

const byId = (id: number) => db.from('message_deliveries').where('id', id).firstOrFail()
