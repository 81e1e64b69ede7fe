import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { sandboxSettings } from '../../channels/setup.js'
import { signPayload, unixSeconds } from '../../channels/signing.js'
import { DateTime } from 'luxon'
import { PruneMachineRecords } from '../../actions/prune_machine_records.js'
import { payOrder } from '../../testing.js'
import { accountOf, bankHeaders, orderFixture } from './helpers.js'

/* Raw bytes over real HTTP, as a provider or bank sends them (no client-side JSON encoding). */
async function postRaw(path: string, body: Buffer, headers: Record<string, string>) {
  const response = await fetch(new URL(path, env.get('APP_URL')), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: new Uint8Array(body),
  })
  return { status: response.status, text: await response.text() }
}

function sandboxSigned(body: string) {
  const timestamp = unixSeconds()
  return {
    'x-sandbox-timestamp': timestamp,
    'x-sandbox-signature': signPayload(sandboxSettings().secret, timestamp, body),
  }
}

const count = async (endpoint: string, reason: string) =>
  Number(
    (
      await db
        .from('machine_request_counts')
        .where('endpoint', endpoint)
        .where('reason', reason)
        .sum('count as n')
        .first()
    )?.n ?? 0
  )

/* Issue 13 items 5 and 15: the unauthenticated machine endpoints never answer 500, never lose a verified request, never grow a row per junk request. */
test.group('Machine endpoints', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a payment notice with a NUL byte answers 400 and is recorded', async ({ assert }) => {
    const marker = `NUL-${Date.now()}`
    const body = `{"notice_id":"${marker}","event":"payment.succeeded","out_trade_no":"P1\u0000x","transaction_id":"T1","amount_fen":100}`
    const response = await postRaw(
      '/api/pay/notify/sandbox',
      Buffer.from(body, 'utf8'),
      sandboxSigned(body)
    )
    assert.equal(response.status, 400)
    assert.notInclude(response.text, 'at ')
    const rows = await db
      .from('channel_notices')
      .where('body', 'like', `%${marker}%`)
      .select('outcome', 'body', 'body_bytes')
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].outcome, 'rejected')
    assert.include(rows[0].body, '\\u0000')
    assert.isTrue(Buffer.from(rows[0].body_bytes).equals(Buffer.from(body, 'utf8')))
  })

  test('a payment notice with invalid UTF-8 answers 400, never 500', async ({ assert }) => {
    const body = Buffer.concat([
      Buffer.from('{"notice_id":"bad-utf8","event":"payment.succeeded","out_trade_no":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ])
    const response = await postRaw(
      '/api/pay/notify/sandbox',
      body,
      sandboxSigned(body.toString('latin1'))
    )
    assert.equal(response.status, 400)
  })

  test('a signed bank request with a NUL byte answers 400 and is recorded', async ({ assert }) => {
    const { order, institutionId } = await orderFixture()
    await payOrder(order)
    const { bank } = await accountOf(institutionId)
    const path = '/api/bank/v1/movements'
    const body = '{"movements":[{"bank_txn_id":"T\u0000"}]}'
    const response = await postRaw(
      path,
      Buffer.from(body, 'utf8'),
      bankHeaders(bank, 'POST', path, body)
    )
    assert.equal(response.status, 400)
    const rows = await db
      .from('bank_api_requests')
      .where('bank_id', bank.id)
      .where('outcome', 'accepted')
      .whereNotNull('body_bytes')
      .select('body')
    assert.lengthOf(rows, 1)
    assert.include(rows[0].body, '\\u0000')
  })

  test('requests to an unknown provider or with an unknown bank key are counted, not stored', async ({
    assert,
  }) => {
    const noticesBefore = Number((await db.from('channel_notices').count('* as n').first())!.n)
    const requestsBefore = Number((await db.from('bank_api_requests').count('* as n').first())!.n)
    const providerBefore = await count('pay_notice', 'unknown provider')
    const keyBefore = await count('bank_api', 'unknown key')
    const junk = Buffer.from('x'.repeat(8000))
    for (let i = 0; i < 5; i++) {
      assert.equal((await postRaw(`/api/pay/notify/nobody-${i}`, junk, {})).status, 400)
      assert.equal(
        (
          await postRaw('/api/bank/v1/movements', junk, {
            'x-bank-key': `bk_guess_${i}`,
            'x-bank-nonce': 'n'.repeat(20),
          })
        ).status,
        401
      )
    }
    assert.equal(
      Number((await db.from('channel_notices').count('* as n').first())!.n),
      noticesBefore
    )
    assert.equal(
      Number((await db.from('bank_api_requests').count('* as n').first())!.n),
      requestsBefore
    )
    assert.equal((await count('pay_notice', 'unknown provider')) - providerBefore, 5)
    assert.equal((await count('bank_api', 'unknown key')) - keyBefore, 5)
    /* A handful of rows (one per reason and minute), whatever the number of requests. */
    assert.isAtMost(
      Number((await db.from('machine_request_counts').count('* as n').first())!.n),
      10
    )
  })
  test('notices and bank requests are pruned by their written retention, money-bearing ones kept five years', async ({
    assert,
  }) => {
    const at = (days: number) => DateTime.now().minus({ days }).toJSDate()
    const notice = (marker: string, outcome: string, days: number) => ({
      provider: 'sandbox',
      kind: 'payment',
      notice_id: marker,
      body: marker,
      outcome,
      received_at: at(days),
    })
    await db
      .table('channel_notices')
      .multiInsert([
        notice('prune-applied-4y', 'applied', 4 * 365),
        notice('prune-applied-6y', 'applied', 6 * 365),
        notice('prune-rejected-100d', 'rejected', 100),
        notice('prune-rejected-200d', 'rejected', 200),
      ])
    const request = (marker: string, outcome: string, days: number) => ({
      bank_id: null,
      nonce: marker,
      method: 'POST',
      path: '/api/bank/v1/movements',
      outcome,
      reason: null,
      body: marker,
      received_at: at(days),
    })
    await db
      .table('bank_api_requests')
      .multiInsert([
        request('prune-accepted-4y', 'accepted', 4 * 365),
        request('prune-accepted-6y', 'accepted', 6 * 365),
        request('prune-replay-200d', 'rejected', 200),
      ])
    await db
      .table('machine_request_counts')
      .insert({ endpoint: 'pay_notice', reason: 'prune-test', minute: at(100), count: 3 })
    await new PruneMachineRecords().handle()
    const notices = (
      await db.from('channel_notices').where('notice_id', 'like', 'prune-%').select('notice_id')
    ).map((r) => r.notice_id)
    assert.sameMembers(notices, ['prune-applied-4y', 'prune-rejected-100d'])
    const requests = (
      await db.from('bank_api_requests').where('nonce', 'like', 'prune-%').select('nonce')
    ).map((r) => r.nonce)
    assert.sameMembers(requests, ['prune-accepted-4y'])
    assert.isNull(await db.from('machine_request_counts').where('reason', 'prune-test').first())
  })
})
