import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { evaluateRisk } from '#modules/credit'
import { saleCheck, salesFreezesOf } from '#modules/catalog'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { fundsRecordsFor } from '#testing/funds'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, createStaffMember } from '#testing/registry'
import { LiftRiskWarning } from '../../risk/actions/lift_risk_warning.js'
import { freezeNothingIn } from '../helpers/freeze_nothing.js'
import { warningsOf } from '../../risk/queries/warnings_of.js'

/*
| A red money warning stops new sales (Art. 17, issue 16): a one-seat
| course (1 × 12 classes × ¥120 = ¥1,440 it can teach) with four parents
| who paid ¥1,440 each holds 400 % of its capacity, red. The county has
| looked at the other warnings those fees raise and lifted them, so this
| follows the capacity warning alone.
*/
const CAPACITY = 'prepaid_vs_capacity'

async function world() {
  const institution = await createFiledInstitution()
  const account = (input: Parameters<typeof createTestAccount>[0]) =>
    createTestAccount(input).then((a) => a.user)
  const owner = await account({
    role: 'institution_owner',
    regionCode: institution.regionCode,
    orgType: 'institution',
    orgId: institution.id,
  })
  const county = await account({ role: 'admin', adminLevel: 'county', regionCode: '220104' })
  const teacher = await createStaffMember(institution.id)
  const course = await createCourse(
    institution.id,
    courseDraft({ teacherIds: [teacher.id], capacity: 1, minClassSize: 1 })
  )
  for (let i = 0; i < 4; i++) {
    const parent = await account({ role: 'parent', regionCode: institution.regionCode })
    await fundsRecordsFor(await signedContractFixture(course.id, parent.id))
  }
  await evaluateRisk([institution.id])
  for (const other of await warningsOf(institution.id))
    if (other.indicator !== CAPACITY)
      await new LiftRiskWarning().handle(county, { warningId: other.id, note: '已核查，另案处理' })
  const warning = (await warningsOf(institution.id)).find((w) => w.indicator === CAPACITY)!
  return { institution, owner, county, teacher, course, warning }
}

test.group('Risk warnings: a red money warning stops new sales', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('frozen while red, once however often evaluated; sales resume when it recovers', async ({
    assert,
    client,
  }) => {
    const w = await world()
    assert.equal(w.warning.level, 'red')
    const frozen = await salesFreezesOf(w.institution.id)
    assert.lengthOf(frozen, 1, 'the lifted warnings froze nothing, or let go of it')
    assert.equal(frozen[0]!.ref, String(w.warning.id))
    assert.equal(frozen[0]!.link, `/institution/risk/${w.warning.id}`)
    assert.deepEqual(await saleCheck(w.course.id), {
      saleable: false,
      reason: 'catalog.contracts.sales_frozen',
    })
    const page = await client.get(`/institution/risk/${w.warning.id}`).loginAs(w.owner)
    page.assertStatus(200)
    assert.include(page.text(), 'data-testid="sales-frozen"')

    await evaluateRisk([w.institution.id])
    assert.lengthOf(await salesFreezesOf(w.institution.id), 1)

    /* 13 seats for ¥5,760 held: about 31 % of capacity, under every threshold. */
    await createCourse(w.institution.id, courseDraft({ teacherIds: [w.teacher.id], capacity: 12 }))
    const run = await evaluateRisk([w.institution.id])
    assert.equal(run.lifted, 1)
    assert.lengthOf(await salesFreezesOf(w.institution.id), 0)
    assert.deepEqual(await saleCheck(w.course.id), { saleable: true, reason: null })
    const after = await client.get(`/institution/risk/${w.warning.id}`).loginAs(w.owner)
    assert.notInclude(after.text(), 'data-testid="sales-frozen"')
  })

  test('a bureau lifting the red warning lets sales go on; the lift holds at the next run', async ({
    assert,
  }) => {
    const w = await world()
    assert.lengthOf(await salesFreezesOf(w.institution.id), 1)
    const redOnBoard = () =>
      db
        .from('risk_board_counts')
        .where({ region_code: w.institution.regionCode, indicator: CAPACITY, level: 'red' })
        .first()
    assert.equal(Number((await redOnBoard())?.n), 1, 'counted before the lift')
    await new LiftRiskWarning().handle(w.county, {
      warningId: w.warning.id,
      note: '已约谈并核实新增教学场地',
    })
    assert.lengthOf(await salesFreezesOf(w.institution.id), 0)
    assert.isTrue((await saleCheck(w.course.id)).saleable)
    const kept = await db
      .from('risk_board_counts')
      .where({
        region_code: w.institution.regionCode,
        indicator: 'prepaid_vs_capacity',
        level: 'red',
      })
      .first()
    assert.equal(Number(kept?.n ?? 0), 0, 'the lift took it off the board')
    await evaluateRisk([w.institution.id])
    assert.lengthOf(
      await salesFreezesOf(w.institution.id),
      0,
      'still red, not worse: no new freeze'
    )
  })

  test('a province dropping the indicator from its freeze list lets sales go on at the next run', async ({
    assert,
  }) => {
    const w = await world()
    assert.lengthOf(await salesFreezesOf(w.institution.id), 1)
    const restore = freezeNothingIn('220000')
    try {
      await evaluateRisk([w.institution.id])
      assert.lengthOf(await salesFreezesOf(w.institution.id), 0, 'released, still red')
      assert.equal(
        (await warningsOf(w.institution.id)).find((x) => x.indicator === CAPACITY)!.level,
        'red'
      )
    } finally {
      restore()
    }
    await evaluateRisk([w.institution.id])
    assert.lengthOf(await salesFreezesOf(w.institution.id), 1, 'listed again: frozen again')
  })

  test('a removed institution: its warnings lifted as removed, its freeze released, the board emptied', async ({
    assert,
    client,
  }) => {
    const w = await world()
    ;(
      await client
        .post(`/manage/institutions/${w.institution.id}/remove`)
        .loginAs(w.county)
        .withCsrfToken()
        .form({ reason: '已停止办学' })
        .redirects(0)
    ).assertStatus(302)
    /* The removal's event re-evaluated it; the nightly run would too. */
    await evaluateRisk()
    assert.lengthOf(await warningsOf(w.institution.id), 0)
    const lifted = await warningsOf(w.institution.id, { includeLifted: true })
    assert.isTrue(
      lifted.filter((x) => x.indicator === CAPACITY).every((x) => x.liftReason !== null)
    )
    assert.include(
      lifted.map((x) => x.liftReason),
      'removed'
    )
    assert.lengthOf(await salesFreezesOf(w.institution.id), 0)
    const counted = await db
      .from('risk_board_counts')
      .where({ region_code: w.institution.regionCode, indicator: CAPACITY })
      .sum('n as n')
    assert.equal(Number(counted[0]?.n ?? 0), 0)
  })
})
