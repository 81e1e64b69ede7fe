import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { fieldErrors } from '#tests/helpers/http'
import { creditCode, filingFields } from '../../testing.js'
import { ExpireDraftClaims } from '../../actions/expire_draft_claims.js'

async function startDraft(client: any, code: string, name: string) {
  const account = await createTestAccount({ role: 'institution_owner', regionCode: '220104' })
  const fields = filingFields('220104', { basic: { creditCode: code, name } })
  const response = await client
    .post(urlFor('filing.update', { section: 'basic' }))
    .loginAs(account.user)
    .form(fields.basic)
    .withCsrfToken()
    .redirects(0)
  return { account, fields, response }
}

test.group('Credit codes cannot be squatted', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a draft claiming a taken credit code gets a clear message, not a 500', async ({
    client,
    assert,
  }) => {
    const code = creditCode()
    await startDraft(client, code, '抢注培训学校')
    const { response } = await startDraft(client, code, '真正的培训学校')
    response.assertStatus(302)
    assert.include(fieldErrors(response, 'creditCode')[0], '已被另一份登记占用')
    assert.equal(response.flashMessage('name'), '真正的培训学校', 'what was typed comes back')
    assert.lengthOf(await db.from('institutions').where('credit_code', code), 1)
    assert.lengthOf(await db.from('institutions').where('name', '真正的培训学校'), 0)
  })

  test("the real owner's contest releases the code", async ({ client, assert }) => {
    const code = creditCode()
    const squatter = await startDraft(client, code, '抢注培训学校')
    const real = await startDraft(client, code, '长春真名培训学校')
    assert.include(real.response.flashMessage('inputErrorsBag').creditCode[0], '占用申诉')
    ;(
      await client.get(urlFor('credit_code_contests.create')).loginAs(real.account.user)
    ).assertTextIncludes('统一社会信用代码占用申诉')
    const contested = await client
      .post(urlFor('credit_code_contests.store'))
      .loginAs(real.account.user)
      .form({
        creditCode: code,
        claimantUnit: '长春真名培训学校',
        statement: '本机构营业执照载明的统一社会信用代码即为此代码，执照可供核验。',
      })
      .withCsrfToken()
      .redirects(0)
    contested.assertFlashMessage('success', '申诉已提交，教育行政部门核实后会处理')

    const outsider = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220102',
    })
    assert.notInclude(
      (await client.get(urlFor('credit_code_contests.index')).loginAs(outsider.user)).text(),
      code
    )
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const queue = await client.get(urlFor('credit_code_contests.index')).loginAs(county.user)
    queue.assertTextIncludes('抢注培训学校')
    const contest = await db.from('credit_code_contests').firstOrFail()
    ;(
      await client
        .post(urlFor('credit_code_contests.uphold', { id: contest.id }))
        .loginAs(outsider.user)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(404)
    await client
      .post(urlFor('credit_code_contests.uphold', { id: contest.id }))
      .loginAs(county.user)
      .form({ comment: '经核验营业执照，代码属申诉方' })
      .withCsrfToken()
      .redirects(0)

    const held = await db.from('institutions').where('name', '抢注培训学校').firstOrFail()
    assert.isNull(held.credit_code)
    const basic = await db
      .from('filing_sections')
      .where('institution_id', held.id)
      .where('section', 'basic')
      .firstOrFail()
    assert.isFalse(basic.complete)
    const retry = await startDraft(client, code, '长春真名培训学校')
    assert.deepEqual(fieldErrors(retry.response, 'creditCode'), [])
    assert.lengthOf(
      await db.from('institutions').where('credit_code', code).where('name', '长春真名培训学校'),
      1
    )
    void squatter
  })

  test('an upheld contest bars the squatting draft from that code for good', async ({
    client,
    assert,
  }) => {
    const code = creditCode()
    const squatter = await startDraft(client, code, '抢注培训学校')
    const real = await createTestAccount({ role: 'institution_owner', regionCode: '220104' })
    await client
      .post(urlFor('credit_code_contests.store'))
      .loginAs(real.user)
      .form({
        creditCode: code,
        claimantUnit: '长春真名培训学校',
        statement: '本机构营业执照载明的统一社会信用代码即为此代码。',
      })
      .withCsrfToken()
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const contest = await db.from('credit_code_contests').firstOrFail()
    await client
      .post(urlFor('credit_code_contests.uphold', { id: contest.id }))
      .loginAs(county.user)
      .withCsrfToken()
    const { CurrentUserProvider } = await import('#modules/identity')
    const user = (await new CurrentUserProvider().findById(squatter.account.id))!.getOriginal()
    const again = await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(user)
      .form(squatter.fields.basic)
      .withCsrfToken()
      .redirects(0)
    assert.include(fieldErrors(again, 'creditCode')[0], '已被另一份登记占用')
    assert.isNull(
      (await db.from('institutions').where('name', '抢注培训学校').firstOrFail()).credit_code
    )
  })

  test('an expired draft releases its credit code', async ({ client, assert }) => {
    const stale = creditCode()
    const fresh = creditCode()
    await startDraft(client, stale, '久未提交培训学校')
    await startDraft(client, fresh, '刚开始登记培训学校')
    await db
      .from('institutions')
      .where('credit_code', stale)
      .update({ created_at: DateTime.now().minus({ days: 31 }).toJSDate() })
    await db
      .from('institutions')
      .where('credit_code', fresh)
      .update({ created_at: DateTime.now().minus({ days: 29 }).toJSDate() })

    assert.equal(await new ExpireDraftClaims().handle(), 1)
    assert.isNull(
      (await db.from('institutions').where('name', '久未提交培训学校').firstOrFail()).credit_code
    )
    assert.equal(
      (await db.from('institutions').where('name', '刚开始登记培训学校').firstOrFail()).credit_code,
      fresh
    )
    const { response } = await startDraft(client, stale, '真正的培训学校')
    assert.deepEqual(fieldErrors(response, 'creditCode'), [], 'the code is free for its owner')
    const audit = await db.from('audit_events').where('action', 'registry.draft_claim_expired')
    assert.lengthOf(audit, 1)
  })
})

/* Real concurrency: each request takes its own pooled connection, no global transaction. */
test.group('Credit codes cannot be squatted, racing', (group) => {
  /* Outside a global transaction the drafts are real rows: take them away so other tests count their own. */
  const codes: string[] = []
  group.each.teardown(async () => {
    const ids = (
      await db
        .from('institutions')
        .whereIn('credit_code', codes)
        .orWhere('name', 'like', '并发培训学校%')
        .select('id')
    ).map((r) => r.id)
    await db.from('filing_sections').whereIn('institution_id', ids).delete()
    await db.from('institutions').whereIn('id', ids).delete()
  })

  test('two drafts saving the same credit code at once: one wins, the other gets the message', async ({
    client,
    assert,
  }) => {
    const code = creditCode()
    codes.push(code)
    const racers = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => startDraft(client, code, `并发培训学校${i}`))
    )
    for (const { response } of racers) response.assertStatus(302)
    const refused = racers.filter(({ response }) =>
      fieldErrors(response, 'creditCode').some((m) => m.includes('已被另一份登记占用'))
    )
    assert.lengthOf(refused, 5)
    assert.lengthOf(await db.from('institutions').where('credit_code', code), 1)
  })
})
