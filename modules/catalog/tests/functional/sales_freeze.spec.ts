import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { residentId } from '#testing/registry'
import { SignContract } from '../../actions/sign_contract.js'
import type Course from '../../models/course.js'
import { saleCheck } from '../../queries/public_api.js'
import { contractTerms } from '../../services/contract_terms.js'
import {
  type SalesFreezeInput,
  freezeSales,
  liftSalesFreezes,
  salesFreezesOf,
} from '../../services/sales_freezes.js'
import { signedContractFixture } from '../../testing.js'
import { count, courseOnSale, world } from './helpers.js'

const PASSWORD = 'correct horse 42'
const FROZEN = '该机构因资金风险预警暂停新报名，解除后可再签约。'
const student = (seq: number) => ({
  studentName: '王小明',
  studentIdNumber: residentId(seq),
  studentSchool: '长春市朝阳区解放大路小学',
  studentGrade: 'p1',
  guardianName: '王丽',
  guardianRelation: 'mother',
})

const freeze = (institutionId: number, overrides: Partial<SalesFreezeInput> = {}) =>
  db.transaction((trx) =>
    freezeSales(trx, [
      {
        institutionId,
        source: 'credit_risk',
        ref: `warning-${institutionId}`,
        reasonKey: 'catalog.contracts.sales_frozen',
        ...overrides,
      },
    ])
  )
const lift = (source: string, refs: string[]) =>
  db.transaction((trx) => liftSalesFreezes(trx, source, refs))
const openFreezes = (source: string, ref: string) =>
  count('sales_freezes', { source, ref, lifted_at: null })

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

const hiddenFields = (html: string): Record<string, string> =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      m[2],
    ])
  )

async function setup() {
  const w = await world()
  const course = await courseOnSale(w)
  const parent = await createTestAccount({ role: 'parent', displayName: '王丽' })
  return { ...w, course, parent }
}

test.group('Sales freezes: new sales stop until lifted', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a frozen institution refuses signing with the freeze message; lifting lets the parent sign', async ({
    client,
    assert,
  }) => {
    const { course, parent, institution } = await setup()
    /* The parent read the contract before the freeze. */
    const preview = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .loginAs(parent.user)
      .form(student(801))
      .withCsrfToken()
    preview.assertStatus(200)
    const hidden = hiddenFields(preview.text())

    assert.equal(await freeze(institution.id), 1)

    const refused = await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...hidden, agree: 'on', password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    assert.equal(refused.header('location'), `/courses/${course.id}`)
    refused.assertFlashMessage('error', FROZEN)
    assert.equal(await count('contracts', { course_id: course.id }), 0)

    const form = await client
      .get(urlFor('parent_contracts.create', { id: course.id }))
      .loginAs(parent.user)
    assert.include(form.text(), 'data-testid="unavailable"')
    assert.include(form.text(), FROZEN)
    await assert.rejects(() => sign(parent.id, course, 802), /catalog.contracts.sales_frozen/)
    assert.deepEqual(await saleCheck(course.id), {
      saleable: false,
      reason: 'catalog.contracts.sales_frozen',
    })
    assert.deepEqual(await saleCheck(course.id, { continuing: true }), {
      saleable: true,
      reason: null,
    })

    assert.equal(await lift('credit_risk', [`warning-${institution.id}`]), 1)
    assert.deepEqual(await saleCheck(course.id), { saleable: true, reason: null })
    const signed = await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...hidden, agree: 'on', password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    const contract = await db.from('contracts').where('course_id', course.id).firstOrFail()
    assert.equal(signed.header('location'), `/parent/contracts/${contract.id}`)
  })

  test('a freeze raised while the contract is being signed stops it inside the transaction', async ({
    assert,
  }) => {
    const { course, parent, institution } = await setup()
    const user = (await new CurrentUserProvider().findById(parent.id))!.getOriginal()
    const terms = await contractTerms(user, course, student(811))
    /* The freeze lands after the sale check, while the contract's PDF is being stored. */
    const disk = drive.fake()
    const put = disk.put.bind(disk)
    disk.put = async (...args: Parameters<typeof put>) => {
      await freeze(institution.id)
      return put(...args)
    }
    try {
      await assert.rejects(
        () =>
          new SignContract().handle(
            user,
            course,
            {
              ...student(811),
              templateVersion: terms.template.version,
              previewHash: terms.previewHash,
              password: PASSWORD,
            },
            { ip: null, userAgent: null }
          ),
        /catalog.contracts.sales_frozen/
      )
    } finally {
      drive.restore()
    }
    assert.equal(await openFreezes('credit_risk', `warning-${institution.id}`), 1)
    assert.equal(await count('contracts', { course_id: course.id }), 0)
  })

  test('the public course page says new sign-ups are paused, without a sign button; the search leaves the course out', async ({
    client,
    assert,
  }) => {
    const { course, parent, institution } = await setup()
    const search = () =>
      client.get(`${urlFor('public_courses.search')}?institution=${institution.id}`)
    const before = await client.get(urlFor('public_courses.show', { id: course.id }))
    assert.include(before.text(), 'data-testid="sign-contract"')
    assert.notInclude(before.text(), 'data-testid="sales-frozen"')
    assert.include((await search()).text(), `/courses/${course.id}"`)

    await freeze(institution.id)
    await freeze(institution.id, { ref: 'unknown-reason', reasonKey: 'credit_risk.no_such_key' })

    for (const page of [
      await client.get(urlFor('public_courses.show', { id: course.id })),
      await client.get(urlFor('public_courses.show', { id: course.id })).loginAs(parent.user),
    ]) {
      page.assertStatus(200)
      assert.include(page.text(), 'data-testid="sales-frozen"')
      assert.include(page.text(), '暂停新报名')
      /* Never why: a warning goes public through its own lifecycle, not through a course page. */
      assert.notInclude(page.text(), FROZEN)
      assert.notInclude(page.text(), 'data-testid="sales-freeze-reason"')
      assert.notInclude(page.text(), 'credit_risk.no_such_key')
      assert.notInclude(page.text(), 'data-testid="sign-contract"')
      assert.notInclude(page.text(), urlFor('parent_contracts.create', { id: course.id }))
    }
    const results = await search()
    results.assertStatus(200)
    assert.notInclude(results.text(), `/courses/${course.id}"`)
    assert.include(results.text(), '没有找到符合条件的课程。')

    await lift('credit_risk', [`warning-${institution.id}`, 'unknown-reason'])
    const after = await client.get(urlFor('public_courses.show', { id: course.id }))
    assert.include(after.text(), 'data-testid="sign-contract"')
    assert.include((await search()).text(), `/courses/${course.id}"`)
  })

  test("the institution's course pages show each open freeze with its reason and link", async ({
    client,
    assert,
  }) => {
    const { course, owner, institution } = await setup()
    const quiet = await client.get(urlFor('courses.index')).loginAs(owner.user)
    quiet.assertStatus(200)
    assert.notInclude(quiet.text(), 'data-testid="sales-frozen"')

    await freeze(institution.id, { link: '/institution/credit/warnings/7' })
    await freeze(institution.id, {
      ref: 'second',
      reasonKey: 'catalog.contracts.too_early',
      reasonParams: { date: '2030-01-01', months: 1 },
    })
    await freeze(institution.id, { ref: 'unknown-reason', reasonKey: 'credit_risk.no_such_key' })
    const open = await salesFreezesOf(institution.id)
    assert.deepEqual(
      open.map((f) => f.ref),
      ['unknown-reason', 'second', `warning-${institution.id}`],
      'newest first'
    )
    assert.include(open[2]!, {
      institutionId: institution.id,
      source: 'credit_risk',
      reasonKey: 'catalog.contracts.sales_frozen',
      link: '/institution/credit/warnings/7',
    })
    assert.deepEqual(open[1]!.reasonParams, { date: '2030-01-01', months: 1 })

    for (const page of [
      await client.get(urlFor('courses.index')).loginAs(owner.user),
      await client.get(urlFor('courses.show', { id: course.id })).loginAs(owner.user),
    ]) {
      page.assertStatus(200)
      assert.include(page.text(), '本机构暂停新报名')
      assert.include(page.text(), FROZEN)
      assert.include(page.text(), '该课程在 2030-01-01 之后才能报名')
      /* A reason this platform cannot word is shown as a generic one, never as its key. */
      assert.include(page.text(), '平台已暂停该机构的新报名。')
      assert.notInclude(page.text(), 'credit_risk.no_such_key')
      assert.include(page.text(), 'href="/institution/credit/warnings/7"')
      assert.equal(page.text().split('data-testid="sales-freeze-link"').length - 1, 1)
    }

    await lift('credit_risk', ['second', 'unknown-reason'])
    const one = await client.get(urlFor('courses.index')).loginAs(owner.user)
    assert.notInclude(one.text(), '2030-01-01')
    assert.include(one.text(), FROZEN)
  })

  test('a first charge of a contract signed before the freeze is refused by the create order route', async ({
    client,
    assert,
  }) => {
    const { course, parent, institution } = await setup()
    const contractId = await signedContractFixture(course.id, parent.id)
    await freeze(institution.id)
    const refused = await client
      .post(`/parent/contracts/${contractId}/orders`)
      .loginAs(parent.user)
      .header('accept', 'application/json')
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].message, FROZEN)
  })

  test('freezing a cause twice leaves one open freeze; lifting unknown causes lifts nothing', async ({
    assert,
  }) => {
    const { institution } = await setup()
    const input = {
      institutionId: institution.id,
      source: 'credit_risk',
      ref: 'twice',
      reasonKey: 'catalog.contracts.sales_frozen',
    }
    assert.equal(await db.transaction((trx) => freezeSales(trx, [])), 0)
    assert.equal(await db.transaction((trx) => freezeSales(trx, [input, input])), 1)
    assert.equal(await db.transaction((trx) => freezeSales(trx, [input])), 0)
    assert.equal(await openFreezes('credit_risk', 'twice'), 1)

    assert.equal(await lift('credit_risk', ['no-such-ref']), 0)
    assert.equal(await lift('another_source', ['twice']), 0)
    assert.equal(await lift('credit_risk', []), 0)
    assert.equal(await openFreezes('credit_risk', 'twice'), 1)

    assert.equal(await lift('credit_risk', ['twice', 'twice']), 1)
    assert.equal(await lift('credit_risk', ['twice']), 0, 'a lifted freeze is not lifted again')
    assert.equal(await openFreezes('credit_risk', 'twice'), 0)
    assert.lengthOf(await salesFreezesOf(institution.id), 0)

    /* The same cause may freeze again once lifted: a new row, the old one kept. */
    assert.equal(await db.transaction((trx) => freezeSales(trx, [input])), 1)
    assert.equal(await count('sales_freezes', { source: 'credit_risk', ref: 'twice' }), 2)
    assert.equal(await openFreezes('credit_risk', 'twice'), 1)

    await assert.rejects(
      () => db.transaction((trx) => freezeSales(trx, [{ ...input, link: 'javascript:alert(1)' }])),
      /link must be/
    )
  })
})

test.group('Sales freezes: racing raises', () => {
  test('two transactions freezing the same cause at once leave exactly one open freeze', async ({
    assert,
  }) => {
    /* Real, committed transactions (no global one), on a cause of this run only, removed afterwards. */
    const source = `test_${randomUUID().slice(0, 8)}`
    const input: SalesFreezeInput = {
      institutionId: 2_000_000_000 + Math.floor(Math.random() * 1_000_000),
      source,
      ref: 'race',
      reasonKey: 'catalog.contracts.sales_frozen',
    }
    try {
      const opened = await Promise.all(
        [0, 1].map(() =>
          db.transaction(async (trx) => {
            const n = await freezeSales(trx, [input])
            /* Hold the row uncommitted so the other insert meets it on the unique index. */
            await sleep(150)
            return n
          })
        )
      )
      assert.sameMembers(opened, [0, 1])
      assert.equal(await openFreezes(source, 'race'), 1)
      assert.equal(await count('sales_freezes', { source }), 1)
    } finally {
      await db.from('sales_freezes').where('source', source).delete()
    }
  })
})
