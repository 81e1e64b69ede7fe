import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import emitter from '@adonisjs/core/services/emitter'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { residentId } from '#testing/registry'
import { truncateAll } from '#tests/helpers/database'
import { SignContract } from '../../actions/sign_contract.js'
import type Course from '../../models/course.js'
import { contractTerms } from '../../services/contract_terms.js'
import { UNPAID_CONTRACT_CAP, holdSeat, releaseUnpaidSeats } from '../../services/seat_holds.js'
import { setContractStatus } from '../../queries/public_api.js'
import { count, courseOnSale, world } from './helpers.js'

const PASSWORD = 'correct horse 42'
const student = (seq: number) => ({
  studentName: '王小明',
  studentIdNumber: residentId(seq),
  studentSchool: '长春市朝阳区解放大路小学',
  studentGrade: 'p1',
  guardianName: '王丽',
  guardianRelation: 'mother',
})

/** A parent signs through the action, as the store route does after validation. */
async function sign(parentId: number, course: Course, seq: number) {
  const user = (await new CurrentUserProvider().findById(parentId))!.getOriginal()
  const terms = await contractTerms(user, course, student(seq))
  return new SignContract().handle(
    user,
    course,
    {
      ...student(seq),
      templateVersion: terms.template.version,
      previewHash: terms.previewHash,
      password: PASSWORD,
    },
    { ip: null, userAgent: null }
  )
}

/** Pretends the parent's hold ran out (time passing), without touching what was signed. */
const expireHold = (contractId: number) =>
  db
    .from('contracts')
    .where('id', contractId)
    .update({ seat_held_until: DateTime.now().minus({ minutes: 1 }).toJSDate() })

test.group(
  'Contracts: one transaction for the contract, its audit entry and its event',
  (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())

    test('a contract whose audit write fails keeps no half state and no PDF is deleted/created inconsistently', async ({
      assert,
    }) => {
      const w = await world()
      const course = await courseOnSale(w)
      const parent = await createTestAccount({ role: 'parent', displayName: '王丽' })
      const disk = drive.fake()
      const events = emitter.fake(['catalog:contract_signed'])
      /* The audit log refuses this one entry (a full disk, a broken trigger…); DDL rolls back with the test. */
      await db.rawQuery(`CREATE FUNCTION refuse_contract_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'catalog.contract_signed' THEN RAISE EXCEPTION 'audit log unavailable'; END IF; RETURN NEW; END $$`)
      await db.rawQuery(
        `CREATE TRIGGER refuse_contract_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_contract_audit()`
      )
      try {
        await assert.rejects(() => sign(parent.id, course, 601), /audit log unavailable/)
        assert.equal(
          await count('contracts', { course_id: course.id }),
          0,
          'no contract without its audit entry'
        )
        assert.equal(
          await count('outbox_events', { event: 'catalog:contract_signed' }),
          0,
          'no event for a contract that does not exist'
        )
        events.assertNotEmitted('catalog:contract_signed')
        const files = [
          ...(await disk.listAll('catalog/contracts', { recursive: true })).objects,
        ].filter((o) => o.isFile)
        assert.lengthOf(files, 0, 'the PDF of the rolled-back contract is not left behind')

        /* Once the audit log works again the same signature goes through, with everything in place. */
        await db.rawQuery('DROP TRIGGER refuse_contract_audit ON audit_events')
        const contract = await sign(parent.id, course, 601)
        assert.isTrue(await disk.exists(contract.pdfKey), 'the committed contract keeps its PDF')
        assert.equal(
          await count('audit_events', {
            action: 'catalog.contract_signed',
            subject_id: String(contract.id),
          }),
          1
        )
        events.assertEmitted(
          'catalog:contract_signed',
          ({ data }) => data.contractId === contract.id
        )
        assert.isNotNull(
          (await db.from('outbox_events').where('event', 'catalog:contract_signed').firstOrFail())
            .delivered_at
        )
      } finally {
        emitter.restore()
        drive.restore()
      }
    })
  }
)

test.group('Contracts: no seat hoarding', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an unpaid contract releases its seat after the payment window', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const course = await courseOnSale(w)
    await db.from('courses').where('id', course.id).update({ capacity: 1 })
    const hoarder = await createTestAccount({ role: 'parent' })
    const other = await createTestAccount({ role: 'parent' })

    const held = await sign(hoarder.id, course, 611)
    const hold = DateTime.fromJSDate(
      (await db.from('contracts').where('id', held.id).firstOrFail()).seat_held_until
    )
    assert.approximately(
      hold.diff(DateTime.fromJSDate(held.signedAt.toJSDate()), 'minutes').minutes,
      30,
      0.1,
      'held for the unpaid-order window'
    )
    await assert.rejects(() => sign(other.id, course, 612), /catalog.contracts.full|名额已满/)

    /* The window passes without a payment: the next signature finds the seat free. */
    await expireHold(held.id)
    const taken = await sign(other.id, course, 612)
    const lapsed = await db.from('contracts').where('id', held.id).firstOrFail()
    assert.equal(lapsed.status, 'terminated')
    assert.isNotNull(lapsed.lapsed_at)
    assert.equal(await count('outbox_events', { event: 'catalog:contract_lapsed' }), 1)
    assert.equal(taken.status, 'signed')

    /* The sweep does the same without anyone signing; the hoarder can sign again once it is free. */
    await expireHold(taken.id)
    assert.equal(await releaseUnpaidSeats(), 1)
    assert.equal(
      (await db.from('contracts').where('id', taken.id).firstOrFail()).status,
      'terminated'
    )
    const page = await client
      .get(urlFor('parent_contracts.show', { id: held.id }))
      .loginAs(hoarder.user)
    page.assertStatus(200)
    page.assertTextIncludes('未在付款时限内付款，名额已于')
    await sign(hoarder.id, course, 611)
  })

  test('an order awaiting payment extends the hold; a hold that ran out refuses the order', async ({
    assert,
  }) => {
    const w = await world()
    const course = await courseOnSale(w)
    const parent = await createTestAccount({ role: 'parent' })
    const contract = await sign(parent.id, course, 621)
    const until = DateTime.now().plus({ minutes: 50 })
    await db.transaction((trx) => holdSeat(contract.id, until, trx))
    const extended = DateTime.fromJSDate(
      (await db.from('contracts').where('id', contract.id).firstOrFail()).seat_held_until
    )
    assert.approximately(extended.toMillis(), until.toMillis(), 1000, 'held until the order lapses')
    await db.transaction((trx) => holdSeat(contract.id, null, trx))
    assert.isNull(
      (await db.from('contracts').where('id', contract.id).firstOrFail()).seat_held_until,
      'a committed parent holds the seat for the contract'
    )
    assert.equal(await releaseUnpaidSeats(), 0)

    const late = await sign(parent.id, course, 622)
    await expireHold(late.id)
    await assert.rejects(
      () => db.transaction((trx) => holdSeat(late.id, DateTime.now().plus({ minutes: 30 }), trx)),
      /seat_released/
    )
  })

  test('a payment puts a signed contract in force and ends its hold, but never revives one that lapsed unpaid', async ({
    assert,
  }) => {
    const w = await world()
    const course = await courseOnSale(w)
    const parent = await createTestAccount({ role: 'parent' })
    const paid = await sign(parent.id, course, 671)
    await db.transaction((trx) => setContractStatus(paid.id, 'active', trx))
    const row = await db.from('contracts').where('id', paid.id).firstOrFail()
    assert.equal(row.status, 'active')
    assert.isNull(row.seat_held_until)

    const lapsed = await sign(parent.id, course, 672)
    await expireHold(lapsed.id)
    assert.equal(await releaseUnpaidSeats(), 1)
    await assert.rejects(
      () => db.transaction((trx) => setContractStatus(lapsed.id, 'active', trx)),
      /seat_released/
    )
    assert.equal(
      (await db.from('contracts').where('id', lapsed.id).firstOrFail()).status,
      'terminated'
    )
  })

  test('a parent cannot hold more than N unpaid contracts', async ({ client, assert }) => {
    const w = await world()
    const course = await courseOnSale(w)
    const parent = await createTestAccount({ role: 'parent' })
    for (let n = 0; n < UNPAID_CONTRACT_CAP; n++) await sign(parent.id, course, 631 + n)

    const preview = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .loginAs(parent.user)
      .form(student(640))
      .withCsrfToken()
    const hidden = Object.fromEntries(
      [...preview.text().matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map(
        (m) => [m[1], m[2]]
      )
    )
    const refused = await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...hidden, agree: 'on', password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      `您已有 ${UNPAID_CONTRACT_CAP} 份已签订但未付款的合同。请先为其中的合同付款，或等待未付款合同到期释放名额后再签订。`
    )
    assert.equal(await count('contracts', { course_id: course.id }), UNPAID_CONTRACT_CAP)

    /* A paid contract no longer counts against the cap. */
    const first = await db
      .from('contracts')
      .where('course_id', course.id)
      .orderBy('id')
      .firstOrFail()
    await db
      .from('contracts')
      .where('id', first.id)
      .update({ status: 'active', updated_at: new Date() })
    await sign(parent.id, course, 640)
  })
})

/* Real, committed transactions: the race is between database sessions. */
test.group('Contracts: racing for seats', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('two parents racing for the last seat: one wins', async ({ assert }) => {
    const w = await world()
    const course = await courseOnSale(w)
    await db.from('courses').where('id', course.id).update({ capacity: 1 })
    const parents = await Promise.all([1, 2, 3, 4].map(() => createTestAccount({ role: 'parent' })))
    const results = await Promise.allSettled(parents.map((p, i) => sign(p.id, course, 651 + i)))
    assert.equal(
      results.filter((r) => r.status === 'fulfilled').length,
      1,
      'exactly one signature wins'
    )
    for (const r of results)
      if (r.status === 'rejected') assert.equal(r.reason.messageKey, 'catalog.contracts.full')
    assert.equal(await count('contracts', { course_id: course.id }), 1)
  })

  test('one parent signing many contracts at once stays within the cap', async ({ assert }) => {
    const w = await world()
    const course = await courseOnSale(w)
    const parent = await createTestAccount({ role: 'parent' })
    for (let i = 0; i < UNPAID_CONTRACT_CAP - 1; i++) await sign(parent.id, course, 661 + i)
    /*
     * Four taps race for the last free place. Four, not more: each signing
     * confirms the password, and more than five confirmations in flight are
     * refused by the password throttle before they reach the cap.
     */
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) => sign(parent.id, course, 671 + i))
    )
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
    for (const r of results)
      if (r.status === 'rejected')
        assert.equal(r.reason.messageKey, 'catalog.contracts.too_many_unpaid')
  })
})
