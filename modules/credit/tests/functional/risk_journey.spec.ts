import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { advanceRiskWarnings, evaluateRisk } from '#modules/credit'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { fundsRecordsFor } from '#testing/funds'
import { createTestAccount } from '#testing/identity'
import { deliveriesOf, inboxOf } from '#testing/messages'
import { createFiledInstitution, createStaffMember } from '#testing/registry'
import { LiftRiskWarning } from '../../risk/actions/lift_risk_warning.js'
import { warningsOf } from '../../risk/queries/warnings_of.js'

/*
| Art. 17 end to end, through the real evaluation and lifecycle jobs: an
| institution takes prepaid fees far beyond what its course on sale can
| teach (3 seats × 12 classes × ¥120 = ¥4,320; four parents paid ¥1,440
| each) → a yellow warning, its owner reminded → ignored past the urge
| date: the county urged → past the notice date: a public risk notice and
| the parents with a live contract or fees held told, once → more
| capacity on sale → the next evaluation lifts it. Only time moves by
| hand, through the jobs' `today` argument.
*/
const CAPACITY = 'prepaid_vs_capacity'

async function world() {
  const institution = await createFiledInstitution()
  const account = (input: Parameters<typeof createTestAccount>[0]) =>
    createTestAccount(input).then((a) => a.user)
  /* Before the sales: each payment's event re-evaluates the institution at once. */
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
    courseDraft({ teacherIds: [teacher.id], capacity: 3, minClassSize: 1 })
  )
  const parent = () => account({ role: 'parent', regionCode: institution.regionCode })
  const paid = []
  for (let i = 0; i < 4; i++) {
    const p = await parent()
    await fundsRecordsFor(await signedContractFixture(course.id, p.id))
    paid.push(p)
  }
  /* Signed, nothing paid yet: a live contract, so concerned too. */
  const signed = await parent()
  await signedContractFixture(course.id, signed.id)

  const other = await createFiledInstitution()
  const otherCourse = await createCourse(other.id, courseDraft())
  const otherParent = await parent()
  await signedContractFixture(otherCourse.id, otherParent.id)

  return {
    institution,
    teacher,
    paid,
    signed,
    otherParent,
    owner,
    county,
  }
}

const ofKind = async (userId: number, kind: string) =>
  (await inboxOf(userId)).filter((m) => m.kind === kind)

const capacityWarning = async (institutionId: number, includeLifted = false) =>
  (await warningsOf(institutionId, { includeLifted })).find((w) => w.indicator === CAPACITY)

test.group('Risk journey: beyond capacity → public notice → lifted', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('reminded, urged, published with the parents told once, lifted when capacity is back', async ({
    assert,
    client,
  }) => {
    const w = await world()
    const id = w.institution.id

    await evaluateRisk([id])
    const warning = (await capacityWarning(id))!
    assert.equal(warning.level, 'yellow')
    assert.isAbove(warning.value!, 100)
    assert.isBelow(warning.value!, 150)
    assert.isNotNull(warning.remindedAt)
    const reminded = (await ofKind(w.owner.id, 'risk_warning')).filter(
      (m) => m.params.what === '预收费远超教学能力'
    )
    assert.lengthOf(reminded, 1)
    assert.equal(reminded[0].params.level, '黄色')

    /* The same fees also open refund and anomaly warnings; the county has checked those, so this journey follows one warning. */
    for (const other of await warningsOf(id))
      if (other.indicator !== CAPACITY)
        await new LiftRiskWarning().handle(w.county, {
          warningId: other.id,
          note: '已核查，另案处理',
        })

    /* The institution does nothing: past the urge date, the county is urged. */
    assert.deepEqual(await advanceRiskWarnings(warning.urgeDueOn), { urged: 1, noticed: 0 })
    /* The county has other deadlines too (the refund requests, the anomalies): the risk ones link to a warning. */
    const urged = (await ofKind(w.county.id, 'deadline_reminder')).filter((m) =>
      m.link?.startsWith('/manage/risk/warnings/')
    )
    assert.lengthOf(urged, 1)
    assert.include(urged[0].params.what, '预收费远超教学能力')
    assert.equal(urged[0].link, `/manage/risk/warnings/${warning.id}`)
    for (const parent of [...w.paid, w.signed])
      assert.lengthOf(await ofKind(parent.id, 'risk_notice'), 0, 'not before the notice')

    /* Past the notice date: published, and every concerned parent told. */
    assert.deepEqual(await advanceRiskWarnings(warning.noticeDueOn), { urged: 0, noticed: 1 })
    const noticed = (await capacityWarning(id))!
    assert.isNotNull(noticed.noticedAt)
    assert.isNotNull(noticed.noticeId)
    const notices = await client.get('/notices').qs({ region: '220104' })
    notices.assertStatus(200)
    assert.include(notices.text(), `风险提示：${w.institution.name}`)

    const texts = await deliveriesOf('risk_notice')
    const textsTo = (userId: number) =>
      texts.filter((row) => Number(row.recipient_user_id) === userId).length
    for (const parent of w.paid) {
      const told = await ofKind(parent.id, 'risk_notice')
      assert.lengthOf(told, 1)
      assert.deepEqual(told[0].params, { institution: w.institution.name, yuan: '1320.00' })
      assert.equal(told[0].link, '/parent/orders')
      assert.equal(textsTo(parent.id), 1, 'mandatory: texted as well')
    }
    assert.deepEqual((await ofKind(w.signed.id, 'risk_notice'))[0]?.params.yuan, '0.00')
    assert.lengthOf(await ofKind(w.otherParent.id, 'risk_notice'), 0)
    assert.equal(textsTo(w.otherParent.id), 0)

    /* A rerun of the day's job tells nobody twice. */
    assert.deepEqual(await advanceRiskWarnings(warning.noticeDueOn), { urged: 0, noticed: 0 })
    for (const parent of [...w.paid, w.signed])
      assert.lengthOf(await ofKind(parent.id, 'risk_notice'), 1)

    /* The indicator recovers: a second course on sale, 12 seats more to teach the fees taken. */
    await createCourse(id, courseDraft({ teacherIds: [w.teacher.id], capacity: 12 }))
    const run = await evaluateRisk([id])
    assert.isAtLeast(run.lifted, 1)
    assert.isUndefined(await capacityWarning(id))
    const lifted = (await capacityWarning(id, true))!
    assert.equal(lifted.id, warning.id)
    assert.equal(lifted.liftReason, 'recovered')
  })
})
