import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, registerSupervisingBanks, TEST_BANK } from '../../testing.js'
import { SubmitFiling } from '../../actions/submit_filing.js'
import { RequestChange } from '../../actions/request_change.js'
import { DecideChange } from '../../actions/decide_change.js'
import Institution from '../../models/institution.js'

const accountOf = async (institutionId: number) =>
  (
    await db
      .from('filing_sections')
      .where('institution_id', institutionId)
      .where('section', 'operations')
      .firstOrFail()
  ).data.supervisedAccount as string

/** A complete draft whose operations part names `account` at the test bank. */
async function draftNaming(account: string) {
  const draft = await createFiledInstitution()
  await db
    .from('institutions')
    .where('id', draft.id)
    .update({ filing_status: 'draft', approved_at: null })
  await db
    .from('filing_sections')
    .where('institution_id', draft.id)
    .update({ data: db.raw(`data || ?::jsonb`, [JSON.stringify({ supervisedAccount: account })]) })
  const owner = await createTestAccount({
    role: 'institution_owner',
    regionCode: '220104',
    orgType: 'institution',
    orgId: draft.id,
  })
  return { draft, owner: owner.user }
}

/* Review finding: two institutions could file one supervised account, so one's parents paid into the other's. */
test.group('A supervised account belongs to one institution', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a filing naming an account another institution filed is refused with a clear message', async ({
    assert,
  }) => {
    const holder = await createFiledInstitution()
    const { draft, owner } = await draftNaming(
      ` ${(await accountOf(holder.id)).slice(0, 6)} ${(await accountOf(holder.id)).slice(6)} `
    )
    await assert.rejects(
      () => new SubmitFiling().handle(owner, draft.id),
      /registry.filing.account_taken/
    )
    assert.equal((await Institution.findOrFail(draft.id)).filingStatus, 'draft')
  })

  test('a draft does not hold an account: the first filing submitted does', async ({ assert }) => {
    const account = '6222000011112222333'
    const early = await draftNaming(account)
    const late = await draftNaming(account)
    await new SubmitFiling().handle(late.owner, late.draft.id)
    assert.equal((await Institution.findOrFail(late.draft.id)).filingStatus, 'submitted')
    await assert.rejects(
      () => new SubmitFiling().handle(early.owner, early.draft.id),
      /registry.filing.account_taken/
    )
  })

  test("a change into another institution's account is refused when requested and when approved", async ({
    assert,
  }) => {
    const holder = await createFiledInstitution()
    const mover = await createFiledInstitution()
    const owner = (
      await createTestAccount({
        role: 'institution_owner',
        regionCode: '220104',
        orgType: 'institution',
        orgId: mover.id,
      })
    ).user
    const taken = await accountOf(holder.id)
    await assert.rejects(
      async () =>
        new RequestChange().file(
          owner,
          mover,
          { supervisedAccount: { from: await accountOf(mover.id), to: taken } },
          '更换监管账户'
        ),
      /registry.changes.account_taken/
    )

    /* Requested while free; the other institution files it before the bureau decides. */
    const free = '6222000099998888777'
    const request = await new RequestChange().file(
      owner,
      mover,
      { supervisedAccount: { from: await accountOf(mover.id), to: free } },
      '更换监管账户'
    )
    await db
      .from('filing_sections')
      .where('institution_id', holder.id)
      .update({ data: db.raw(`data || ?::jsonb`, [JSON.stringify({ supervisedAccount: free })]) })
    const county = (
      await createTestAccount({
        role: 'admin',
        adminLevel: 'county',
        regionCode: '220104',
        unitName: '长春市朝阳区教育局',
      })
    ).user
    await assert.rejects(
      () => new DecideChange().approve(county, request.id, null),
      /registry.changes.account_taken/
    )
    assert.equal(
      await accountOf(mover.id),
      (await db.from('change_requests').where('id', request.id).firstOrFail()).changes
        .supervisedAccount.from,
      'nothing moved'
    )
    assert.lengthOf(
      await db
        .from('outbox_events')
        .where('event', 'registry:supervision_changed')
        .whereRaw(`payload->>'institutionId' = ?`, [String(mover.id)]),
      0
    )
  })

  test('the same number at another bank is another account', async ({ assert }) => {
    const holder = await createFiledInstitution()
    const other = '中国农业银行长春南关支行'
    await registerSupervisingBanks(other)
    const { draft, owner } = await draftNaming(await accountOf(holder.id))
    await db
      .from('filing_sections')
      .where('institution_id', draft.id)
      .update({ data: db.raw(`data || ?::jsonb`, [JSON.stringify({ supervisingBank: other })]) })
    await new SubmitFiling().handle(owner, draft.id)
    assert.equal((await Institution.findOrFail(draft.id)).filingStatus, 'submitted')
    assert.notEqual(other, TEST_BANK)
  })
})

/* Real concurrency: two owners submit filings naming the same account at the same moment. */
test.group('A supervised account belongs to one institution, raced', () => {
  test('two filings naming one account submitted at once: exactly one goes through', async ({
    assert,
  }) => {
    const account = `62220000${Date.now().toString().slice(-10)}`
    const a = await draftNaming(account)
    const b = await draftNaming(account)
    const results = await Promise.allSettled([
      new SubmitFiling().handle(a.owner, a.draft.id),
      new SubmitFiling().handle(b.owner, b.draft.id),
    ])
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'])
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    assert.match(String(refused.reason), /registry.filing.account_taken/)
  })
})
