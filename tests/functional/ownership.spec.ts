import { createHmac, randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import encryption from '@adonisjs/core/services/encryption'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { lastMessageTo, linkIn } from '#testing/messages'
import { buildWorldForGroup, type Side, type World } from './authorization/world.js'
import { isolated, outcomeOf, send } from './authorization/outcomes.js'

/*
| What a cookie alone cannot show in the matrix: a case opened with its
| number and tracking code opens that case and nothing else; a password
| link sets its own account's password once; a bank's signed API request
| reaches only that bank's accounts and instructions.
*/

/** A bank API request signed as the bank signs it (funds/channels/signing.ts): HMAC over timestamp and nonce, method, path, body. */
async function signedAs(side: Side, method: string, path: string, body: string) {
  const bank = await db.from('banks').where('id', side.bankId).firstOrFail()
  const secret = encryption.decrypt<string>(bank.api_secret_cipher)!
  const nonce = randomUUID()
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = createHmac('sha256', secret)
    .update(`${timestamp}.${nonce}\n${method}\n${path}\n${body}`)
    .digest('hex')
  return {
    'content-type': 'application/json',
    'x-bank-key': bank.api_key,
    'x-bank-nonce': nonce,
    'x-bank-timestamp': timestamp,
    'x-bank-signature': signature,
  }
}

test.group('Ownership beyond cookies: tracking codes, password links, bank keys', (group) => {
  let world: World
  group.setup(async () => {
    const built = await buildWorldForGroup()
    world = built.world
    return built.rollback
  })

  /* The matrix's wrong tracking codes count against this address too (ten an hour). */
  group.each.setup(() => limiter.clear())

  test("a case opened with its tracking code opens that case and its evidence, never another case's", async ({
    client,
    assert,
  }) => {
    await isolated(async () => {
      const opened = await client
        .post('/complaints/track')
        .form({ number: world.a.publicComplaintNumber, trackingCode: world.a.publicComplaintCode })
        .withCsrfToken()
        .redirects(0)
      assert.equal(outcomeOf(opened).outcome, 'ok', outcomeOf(opened).detail)
      assert.equal(opened.header('location'), `/complaints/cases/${world.a.publicComplaintNumber}`)
      /* The session as the server left it after opening the case (the test client clears its store after each request). */
      const session = opened.session()
      const asOpener = (path: string) => client.get(path).withSession(session).redirects(0)
      assert.equal(
        (await asOpener(`/complaints/cases/${world.a.publicComplaintNumber}`)).status(),
        200
      )
      assert.equal(
        (await asOpener(`/complaints/attachments/${world.a.attachmentId}`)).status(),
        200
      )
      assert.equal(
        (await asOpener(`/complaints/cases/${world.b.publicComplaintNumber}`)).status(),
        404
      )
      assert.equal(
        (await asOpener(`/complaints/attachments/${world.b.attachmentId}`)).status(),
        404
      )
      assert.equal(
        (await asOpener(`/complaints/cases/${world.a.parentComplaintNumber}`)).status(),
        404
      )
    })
  })

  test("one case's tracking code does not open another case", async ({ client, assert }) => {
    await isolated(async () => {
      const wrong = await client
        .post('/complaints/track')
        .form({ number: world.b.publicComplaintNumber, trackingCode: world.a.publicComplaintCode })
        .withCsrfToken()
        .redirects(0)
      assert.equal(outcomeOf(wrong).outcome, 'refused', outcomeOf(wrong).detail)
    })
  })

  test('a password link sets its own account’s password once; a bureau of another county cannot issue one', async ({
    client,
    assert,
  }) => {
    await isolated(async () => {
      const other = await send(client, world.actors.county_other, {
        method: 'POST',
        path: `/manage/accounts/${world.a.accountId}/reset`,
      })
      assert.equal(outcomeOf(other).outcome, 'not_found', outcomeOf(other).detail)
      const reset = await send(client, world.actors.county_in_scope, {
        method: 'POST',
        path: `/manage/accounts/${world.a.accountId}/reset`,
      })
      assert.equal(outcomeOf(reset).outcome, 'ok', outcomeOf(reset).detail)
      const account = await db.from('users').where('id', world.a.accountId).firstOrFail()
      const phone = encryption.decrypt<string>(account.phone_cipher)!
      const link = linkIn(await lastMessageTo(phone))
      assert.match(link ?? '', /^\/password\/set\/[\w-]+$/)
      assert.equal((await client.get(link!).redirects(0)).status(), 200)
      const form = { password: 'correct horse 77', passwordConfirmation: 'correct horse 77' }
      const set = await client.post(link!).form(form).withCsrfToken().redirects(0)
      assert.equal(outcomeOf(set).outcome, 'ok', outcomeOf(set).detail)
      assert.equal(set.header('location'), '/manage')
      const again = await client.post(link!).form(form).withCsrfToken().redirects(0)
      assert.equal(again.status(), 410)
    })
  })

  test('a signed-in person changes their own password with the current one', async ({
    client,
    assert,
  }) => {
    await isolated(async () => {
      const form = {
        currentPassword: 'correct horse 42',
        password: 'correct horse 43',
        passwordConfirmation: 'correct horse 43',
      }
      const changed = await send(client, world.actors.parent, {
        method: 'PUT',
        path: '/account/password',
        form,
      })
      assert.equal(outcomeOf(changed).outcome, 'ok', outcomeOf(changed).detail)
      const wrong = await send(client, world.actors.parent_other, {
        method: 'PUT',
        path: '/account/password',
        form: { ...form, currentPassword: 'not my password' },
      })
      assert.equal(outcomeOf(wrong).outcome, 'refused', outcomeOf(wrong).detail)
    })
  }).timeout(120_000)

  test("bank B's key lists only bank B's instructions", async ({ client, assert }) => {
    await isolated(async () => {
      const path = '/api/bank/v1/instructions'
      const response = await client.get(path).headers(await signedAs(world.b, 'GET', path, ''))
      response.assertStatus(200)
      const numbers = response.body().instructions.map((i: { number: string }) => i.number)
      assert.include(numbers, world.b.instructionNumber)
      assert.notInclude(numbers, world.a.instructionNumber)
    })
  })

  test("bank B's key cannot reject bank A's instruction", async ({ client, assert }) => {
    await isolated(async () => {
      const path = `/api/bank/v1/instructions/${world.a.instructionNumber}/reject`
      const body = JSON.stringify({ reason: '账户冻结' })
      const response = await client
        .post(path)
        .headers(await signedAs(world.b, 'POST', path, body))
        .json(JSON.parse(body))
      response.assertStatus(404)
      assert.equal(
        (
          await db
            .from('bank_instructions')
            .where('number', world.a.instructionNumber)
            .firstOrFail()
        ).status,
        'sent'
      )
    })
  })

  test("bank B's key cannot report movements on bank A's supervised account", async ({
    client,
    assert,
  }) => {
    await isolated(async () => {
      const path = '/api/bank/v1/movements'
      const movement = {
        bank_txn_id: `T${randomUUID().slice(0, 18)}`,
        account_number: world.a.accountNumber,
        direction: 'debit',
        amount_fen: 100,
        balance_after_fen: 0,
        reference: null,
        occurred_at: new Date().toISOString(),
      }
      const body = JSON.stringify({ movements: [movement] })
      const response = await client
        .post(path)
        .headers(await signedAs(world.b, 'POST', path, body))
        .json(JSON.parse(body))
      response.assertStatus(200)
      assert.equal(response.body().results[0].outcome, 'rejected')
      const account = await db
        .from('supervised_accounts')
        .where('account_number', world.a.accountNumber)
        .firstOrFail()
      assert.equal(
        Number(
          (
            await db
              .from('bank_movements')
              .where('supervised_account_id', account.id)
              .count('* as n')
          )[0].n
        ),
        0
      )
    })
  })

  test('an unsigned or wrongly signed bank request is refused', async ({ client, assert }) => {
    await isolated(async () => {
      const path = '/api/bank/v1/instructions'
      assert.equal((await client.get(path)).status(), 401)
      const headers = await signedAs(world.b, 'GET', path, '')
      const forged = await client.get(path).headers({
        ...headers,
        'x-bank-key': (await db.from('banks').where('id', world.a.bankId).firstOrFail()).api_key,
      })
      assert.equal(forged.status(), 401)
    })
  })
})
