import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { phoneIndex } from '#kernel/shared/personal_data'
import { SendVerificationCode } from '#modules/identity'
import { createTestAccount, uniquePhone } from '#testing/identity'
import { queueText, queueTexts } from '../../services/queue_text.js'
import { TemplateParameterError } from '../../services/render.js'
import { MESSAGE_KINDS } from '../../templates.js'
import type { AliyunStandIn } from '../stand_ins/aliyun_stand_in.js'
import {
  type PlatformOnAliyun,
  SIGN,
  pointPlatformAtAliyun,
} from '../stand_ins/platform_on_aliyun.js'

/*
| Texts through the Aliyun adapter against its stand-in, which verifies the
| request signature, the template and its parameters. Each test points the
| platform at the stand-in through the same variables a deployment sets,
| and puts them back afterwards.
*/
const KEY_ID = 'LTAI5tXiaowaiDelivery'
const SECRET = 'delivery-test-secret-9876543210'

const deliveryTo = (phone: string) =>
  db.from('message_deliveries').where('recipient_index', phoneIndex(phone)).orderBy('id')

/* A retried text is due at once, as if its back-off had passed. */
async function backOffPassed() {
  await db
    .from('outbox_events')
    .where('event', 'messages:deliver')
    .whereNull('delivered_at')
    .update({ available_at: db.raw(`clock_timestamp() - interval '1 second'`) })
}

test.group('Messages: delivery through a provider, retried and logged', (group) => {
  let standIn: AliyunStandIn
  let codeOf: PlatformOnAliyun['codeOf']

  group.each.setup(async () => {
    const platform = await pointPlatformAtAliyun({
      keyId: KEY_ID,
      secret: SECRET,
      codeBase: 100001,
      perNumberIntervalMs: 60_000,
    })
    ;({ standIn, codeOf } = platform)
    return () => platform.restore()
  })

  test('a code reaches the provider as its approved template with exactly its parameters', async ({
    assert,
  }) => {
    const phone = uniquePhone()
    await new SendVerificationCode().handle({
      phone,
      purpose: 'register',
      meta: { ip: '10.31.0.1', userAgent: 'test' },
    })
    assert.lengthOf(standIn.delivered, 1)
    const [delivered] = standIn.delivered
    assert.equal(delivered!.phone, phone)
    assert.equal(delivered!.signName, SIGN)
    assert.equal(delivered!.templateCode, codeOf('verification_code'))
    assert.deepEqual(Object.keys(delivered!.params).sort(), ['code', 'minutes'])
    assert.match(delivered!.params.code!, /^\d{6}$/)

    const [logged] = await deliveryTo(phone)
    assert.equal(logged.status, 'sent')
    assert.equal(logged.provider, 'aliyun')
    assert.equal(logged.provider_message_id, delivered!.bizId)
    assert.isNull(logged.params_cipher)
    assert.include(logged.body_masked, '验证码 ******')
    assert.notInclude(JSON.stringify(logged), delivered!.params.code!, 'the log keeps no code')
  })

  test('a provider that is down holds up nothing: the text waits, backs off and goes later', async ({
    assert,
  }) => {
    const phone = uniquePhone()
    standIn.failNextWithServiceUnavailable()
    await new SendVerificationCode().handle({
      phone,
      purpose: 'register',
      meta: { ip: '10.31.0.2', userAgent: 'test' },
    })
    let [row] = await deliveryTo(phone)
    assert.equal(row.status, 'retrying')
    assert.equal(row.failure, 'unavailable')
    assert.equal(row.attempts, 1)
    assert.isNotNull(row.params_cipher, 'kept sealed for the retry')
    const event = await db
      .from('outbox_events')
      .where('event', 'messages:deliver')
      .whereRaw(`(payload->>'deliveryId')::bigint = ?`, [row.id])
      .firstOrFail()
    assert.isNull(event.delivered_at)
    assert.isTrue(new Date(event.available_at) > new Date(), 'retried after a back-off')

    await backOffPassed()
    await drainOutbox()
    ;[row] = await deliveryTo(phone)
    assert.equal(row.status, 'sent')
    assert.equal(row.attempts, 2)
    assert.isNull(row.params_cipher)
    assert.lengthOf(standIn.delivered, 1)
  })

  test('a code that could not go out within its validity is never sent late', async ({
    assert,
  }) => {
    const phone = uniquePhone()
    standIn.failNextWithServiceUnavailable()
    await new SendVerificationCode().handle({
      phone,
      purpose: 'register',
      meta: { ip: '10.31.0.3', userAgent: 'test' },
    })
    let [row] = await deliveryTo(phone)
    assert.equal(row.status, 'retrying')
    /* The provider stays down past the code's 10 minutes. */
    await db
      .from('message_deliveries')
      .where('id', row.id)
      .update({ created_at: db.raw(`clock_timestamp() - interval '11 minutes'`) })
    await backOffPassed()
    await drainOutbox()
    ;[row] = await deliveryTo(phone)
    assert.equal(row.status, 'skipped')
    assert.equal(row.failure, 'expired')
    assert.isNull(row.params_cipher)
    assert.lengthOf(standIn.delivered, 0)
  })

  test('a throttled number is retried; a template the provider refuses fails at once and is listed', async ({
    client,
    assert,
  }) => {
    const phone = uniquePhone()
    const send = (key: string) =>
      queueText({
        kind: 'reminder',
        to: { phone },
        params: { from: '吉林省教育厅', what: '请于本周内完成年度备案信息核对。' },
        key,
      })
    await send('throttle:1')
    await send('throttle:2')
    const [first, second] = await deliveryTo(phone)
    assert.equal(first.status, 'sent')
    assert.equal(second.status, 'retrying')
    assert.equal(second.failure, 'throttled')
    assert.equal(second.provider_code, 'isv.BUSINESS_LIMIT_CONTROL')

    env.set(
      'SMS_TEMPLATE_CODES',
      JSON.stringify({
        ...Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, codeOf(kind)])),
        risk_warning: 'SMS_999999999',
      })
    )
    const other = uniquePhone()
    await queueText({
      kind: 'risk_warning',
      to: { phone: other },
      params: { level: '红色', what: '预收费余额低于未消课金额' },
      key: 'unapproved:1',
    })
    const [refused] = await deliveryTo(other)
    assert.equal(refused.status, 'failed')
    assert.equal(refused.failure, 'template_rejected')
    assert.equal(refused.attempts, 1)
    assert.isNull(refused.params_cipher)
    const pending = await db
      .from('outbox_events')
      .where('event', 'messages:deliver')
      .whereRaw(`(payload->>'deliveryId')::bigint = ?`, [refused.id])
      .firstOrFail()
    assert.isNotNull(pending.delivered_at, 'a refusal is not retried')

    const ministry = await createTestAccount({
      role: 'admin',
      adminLevel: 'ministry',
      regionCode: '000000',
    })
    const page = await client.get('/manage/messages?status=failed').loginAs(ministry.user)
    page.assertStatus(200)
    assert.include(page.text(), `data-delivery-id="${refused.id}"`)
    assert.include(page.text(), 'template_rejected')
    assert.notInclude(page.text(), other, 'the operators see the number masked')
    const county = await createTestAccount({ role: 'admin', regionCode: '220104' })
    ;(await client.get('/manage/messages').loginAs(county.user)).assertStatus(403)
  })

  test('the same message to the same person is sent once, however often it is asked for', async ({
    assert,
  }) => {
    const phone = uniquePhone()
    const ask = () =>
      queueText({
        kind: 'reminder',
        to: { phone },
        params: { from: '吉林省教育厅', what: '请于本周内完成年度备案信息核对。' },
        key: 'event:42',
      })
    const outcomes = await Promise.all([ask(), ask(), ask()])
    assert.sameMembers(
      outcomes.map((o) => o.text),
      ['queued', 'duplicate', 'duplicate']
    )
    assert.lengthOf(await deliveryTo(phone), 1)
    assert.lengthOf(standIn.delivered, 1)
  })

  test('a batch answers for each message in a few statements, however many it holds', async ({
    assert,
  }) => {
    const [texted, declining, disabled] = await Promise.all([
      createTestAccount({ role: 'institution_owner' }),
      createTestAccount({ role: 'institution_owner' }),
      createTestAccount({ role: 'institution_owner', status: 'disabled' }),
    ])
    await db.table('message_preferences').insert({
      user_id: declining.id,
      kind: 'reminder',
      by_text: false,
    })
    const params = { from: '长春市教育局', what: '请于本周内完成年度备案信息核对。' }
    const reminder = (userId: number, key: string) =>
      ({ kind: 'reminder', to: { userId }, params, key, link: '/institution' }) as const
    const batch = [
      reminder(texted.id, 'batch:1'),
      reminder(declining.id, 'batch:1'),
      reminder(disabled.id, 'batch:1'),
      reminder(texted.id, 'batch:1'),
      reminder(texted.id, 'batch:2'),
    ]
    const statements: string[] = []
    const listen = (q: { sql: string }) => statements.push(q.sql)
    const answers = await db.transaction(async (trx) => {
      trx.knexClient.on('query', listen)
      return queueTexts([...batch], trx)
    })
    assert.deepEqual(
      answers.map((a) => `${a.text}/${a.inbox}`),
      ['queued/true', 'opted_out/true', 'no_phone/true', 'duplicate/true', 'queued/true']
    )
    const writes = statements.filter((sql) => /^(insert|update|select)/i.test(sql.trim()))
    assert.isAtLeast(writes.length, 4, 'the statements are seen')
    assert.isAtMost(writes.length, 5, 'inbox, preferences, phones, deliveries, outbox')
    const inbox = await db
      .from('inbox_messages')
      .whereIn('user_id', [texted.id, declining.id, disabled.id])
      .select('user_id', 'dedupe_key')
    assert.lengthOf(inbox, 4, 'one entry per account and key')
    assert.lengthOf(await deliveryTo(texted.phone), 2)
    assert.lengthOf(await deliveryTo(declining.phone), 0)
    const again = await queueTexts([reminder(texted.id, 'batch:2')])
    assert.equal(again[0]!.text, 'duplicate')
    await drainOutbox()
    /* Each delivery had its outbox event: one went, the second to the same number within the minute waits its turn. */
    assert.sameMembers(
      (await deliveryTo(texted.phone)).map((d) => d.status),
      ['sent', 'retrying']
    )
  })

  test("a night's worth of texts goes in chunks, never past a statement's 65,535 bindings", async ({
    assert,
  }) => {
    const params = { from: '长春市教育局', what: '请于本周内完成年度备案信息核对。' }
    const night = Array.from({ length: 7500 }, (_, i) => ({
      kind: 'reminder' as const,
      to: { phone: `1390${String(i).padStart(7, '0')}` },
      params,
      key: `night:${i}`,
    }))
    /* Rolled back: the texts are counted, never sent. */
    const trx = await db.transaction()
    try {
      const answers = await queueTexts(night, trx)
      assert.lengthOf(answers, 7500)
      assert.isTrue(answers.every((a) => a.text === 'queued'))
      const [{ n }] = await trx
        .from('message_deliveries')
        .whereLike('dedupe_key', 'night:%')
        .count('* as n')
      assert.equal(Number(n), 7500)
    } finally {
      await trx.rollback()
    }
  })

  test('parameters missing from the template are refused before anything is written; typed words are fitted', async ({
    assert,
  }) => {
    const phone = uniquePhone()
    const refused = (params: Record<string, string>) =>
      assert.rejects(
        () => queueText({ kind: 'reminder', to: { phone }, params, key: `bad:${Math.random()}` }),
        TemplateParameterError
      )
    await refused({ from: '吉林省教育厅' })
    await refused({ from: '吉林省教育厅', what: '请核对', extra: 'x' })
    assert.lengthOf(await deliveryTo(phone), 0)
    assert.lengthOf(standIn.delivered, 0)

    await queueText({
      kind: 'reminder',
      to: { phone },
      params: { from: '吉林省教育厅'.repeat(5), what: '请打开 https://evil.example.com 核对' },
      key: 'fitted:1',
    })
    const [delivered] = standIn.delivered
    assert.lengthOf(Array.from(delivered!.params.from!), 20)
    assert.notInclude(delivered!.params.what!, 'https://', 'no link reaches the provider')
  })
})
