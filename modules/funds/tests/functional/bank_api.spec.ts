import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { payOrder } from '../../testing.js'
import { accountOf, bankHeaders, movement, orderFixture } from './helpers.js'
import { RequestRefund } from '../../actions/request_refund.js'

/* Committed, not rolled back: a replayed nonce is refused by a unique violation, which would abort one shared global transaction. */
test.group('Bank API: authenticated, signed, never replayed', () => {
  test('a signed request lists the bank’s pending instructions', async ({ client, assert }) => {
    const { order, parent, institutionId } = await orderFixture()
    await payOrder(order)
    await new RequestRefund().handle(parent.user, order.id, { reason: '开课前退费' })
    const { bank, account } = await accountOf(institutionId)
    const path = '/api/bank/v1/instructions'
    const response = await client.get(path).headers(bankHeaders(bank, 'GET', path, ''))
    response.assertStatus(200)
    const mine = response
      .body()
      .instructions.filter((i: any) => i.account_number === account.accountNumber)
    assert.lengthOf(mine, 1)
    assert.equal(mine[0].kind, 'refund')
    assert.equal(mine[0].amount_fen, order.amountFen)
  })

  test('a replayed nonce, a wrong signature, a stale timestamp and an unknown key are refused; the signed replay is recorded, the rest only counted', async ({
    client,
    assert,
  }) => {
    const { order, institutionId } = await orderFixture()
    const payment = await payOrder(order)
    const { bank, account } = await accountOf(institutionId)
    const path = '/api/bank/v1/movements'
    const body = JSON.stringify({
      movements: [
        movement(account.accountNumber, 'credit', order.amountFen, order.amountFen, payment.number),
      ],
    })
    const headers = bankHeaders(bank, 'POST', path, body)
    const first = await client.post(path).headers(headers).json(JSON.parse(body))
    first.assertStatus(200)
    assert.equal(first.body().results[0].outcome, 'recorded')
    const replay = await client.post(path).headers(headers).json(JSON.parse(body))
    replay.assertStatus(401)
    assert.equal(replay.body().error, 'replayed nonce')
    const forged = await client
      .post(path)
      .headers(bankHeaders(bank, 'POST', path, body, { secret: 'guess' }))
      .json(JSON.parse(body))
    assert.equal(forged.body().error, 'signature bad_signature')
    const stale = await client
      .post(path)
      .headers(
        bankHeaders(bank, 'POST', path, body, {
          timestamp: String(Math.floor(Date.now() / 1000) - 900),
        })
      )
      .json(JSON.parse(body))
    assert.equal(stale.body().error, 'signature stale')
    const unknown = await client
      .post(path)
      .headers({ ...headers, 'x-bank-key': 'bk_nobody', 'x-bank-nonce': 'x'.repeat(20) })
      .json(JSON.parse(body))
    assert.equal(unknown.body().error, 'unknown key')
    const recorded = await db
      .from('bank_api_requests')
      .where('bank_id', bank.id)
      .where('outcome', 'rejected')
      .select('reason')
    assert.deepEqual(
      recorded.map((r) => r.reason),
      ['replayed nonce']
    )
    /* Unsigned or unknown requests leave a bounded count, not a row each (finding 22). */
    const counts = await db
      .from('machine_request_counts')
      .where('endpoint', 'bank_api')
      .select('reason', 'count')
    const counted = (reason: string) =>
      counts.filter((c) => c.reason === reason).reduce((n, c) => n + Number(c.count), 0)
    assert.isAtLeast(counted(`signature bad_signature (bank ${bank.id})`), 1)
    assert.isAtLeast(counted(`signature stale (bank ${bank.id})`), 1)
    assert.isAtLeast(counted('unknown key'), 1)
    /* One movement recorded, once. */
    assert.equal(
      Number(
        (
          await db.from('bank_movements').where('supervised_account_id', account.id).count('* as n')
        )[0].n
      ),
      1
    )
  })

  test('malformed movements are rejected one by one with a reason; the good ones are kept', async ({
    client,
    assert,
  }) => {
    const { order, institutionId } = await orderFixture()
    const payment = await payOrder(order)
    const { bank, account } = await accountOf(institutionId)
    const path = '/api/bank/v1/movements'
    const good = movement(
      account.accountNumber,
      'credit',
      order.amountFen,
      order.amountFen,
      payment.number
    )
    const payload = {
      movements: [
        { ...good, bank_txn_id: 'BAD1', amount_fen: 12.5 },
        { ...good, bank_txn_id: 'BAD2', direction: 'sideways' },
        good,
        good,
      ],
    }
    const body = JSON.stringify(payload)
    const response = await client
      .post(path)
      .headers(bankHeaders(bank, 'POST', path, body))
      .json(payload)
    response.assertStatus(200)
    assert.deepEqual(
      response.body().results.map((r: any) => r.outcome),
      ['rejected', 'rejected', 'recorded', 'duplicate']
    )
    assert.equal(
      response.body().results[0].reason,
      'amount_fen must be a positive whole number of fen'
    )
    assert.equal(response.body().results[2].matched, 'payment')
  })

  test('a bank may refuse an instruction with a reason, which raises an anomaly for the bureau', async ({
    client,
    assert,
  }) => {
    const { order, parent, institutionId } = await orderFixture()
    await payOrder(order)
    await new RequestRefund().handle(parent.user, order.id, { reason: '开课前退费' })
    const { bank } = await accountOf(institutionId)
    const instruction = await db.from('bank_instructions').where('order_id', order.id).firstOrFail()
    const path = `/api/bank/v1/instructions/${instruction.number}/reject`
    const body = JSON.stringify({ reason: '账户已冻结' })
    const response = await client
      .post(path)
      .headers(bankHeaders(bank, 'POST', path, body))
      .json({ reason: '账户已冻结' })
    response.assertStatus(200)
    const anomaly = await db
      .from('fund_anomalies')
      .where('institution_id', institutionId)
      .where('kind', 'instruction_rejected')
      .firstOrFail()
    assert.equal(anomaly.severity, 'red')
    assert.equal(anomaly.evidence.reason, '账户已冻结')
  })
})
