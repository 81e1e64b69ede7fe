import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { evaluateRisk } from '#modules/credit'
import { createTestAccount } from '#testing/identity'
import { inboxOf } from '#testing/messages'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { fundsRecordsFor } from '#testing/funds'
import { createFiledInstitution, createStaffMember } from '#testing/registry'
import { warningHistory, warningsOf } from '../../risk/queries/warnings_of.js'

/*
| Evaluation: facts → indicators → warnings. The licence indicator moves
| with the evaluation's moment alone (a licence valid 40 more days is
| "within 30 days" 15 days from now), so these tests change no other
| module's rows.
*/
const inDays = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n })
const licence = (w: { indicator: string }) => w.indicator === 'licence_expiring'

async function institutionWithOwner(licenceDays = 40) {
  const institution = await createFiledInstitution({
    licenceValidTo: inDays(licenceDays).toISODate()!,
  })
  const owner = await createTestAccount({
    role: 'institution_owner',
    regionCode: institution.regionCode,
    orgType: 'institution',
    orgId: institution.id,
  })
  return { institution, owner }
}

/* The board's rollup holds exactly the open warnings' counts (board_counts.ts keeps it in every write). */
async function assertBoardMatches(assert: {
  deepEqual: (a: unknown, b: unknown, m?: string) => void
}) {
  const live = await db
    .from('risk_warnings')
    .whereNull('lifted_at')
    .groupBy('region_code', 'level', 'indicator')
    .select('region_code', 'level', 'indicator')
    .count('* as n')
  /* Every row: a cell driven below zero is a drift too (cells reaching zero are deleted). */
  const kept = await db.from('risk_board_counts').select('region_code', 'level', 'indicator', 'n')
  const key = (r: any) => `${r.region_code}|${r.level}|${r.indicator}|${Number(r.n)}`
  assert.deepEqual(kept.map(key).sort(), live.map(key).sort(), 'the rollup matches the warnings')
}

test.group('Risk evaluation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('raises, changes level, lifts when back under the threshold; the history kept', async ({
    assert,
  }) => {
    const { institution, owner } = await institutionWithOwner()
    const id = institution.id
    assert.deepEqual(await evaluateRisk([id]), {
      institutions: 1,
      raised: 0,
      changed: 0,
      lifted: 0,
    })
    assert.lengthOf(await warningsOf(id), 0)

    const yellow = await evaluateRisk([id], { asOf: inDays(15).toJSDate() })
    assert.equal(yellow.raised, 1)
    const raised = (await warningsOf(id)).find(licence)!
    assert.deepInclude(raised, { level: 'yellow', value: 25, threshold: 31 })
    await assertBoardMatches(assert)
    assert.isNotNull(raised.remindedAt)
    const inbox = (await inboxOf(owner.id)).filter((m) => m.kind === 'risk_warning')
    assert.lengthOf(inbox, 1)
    assert.deepEqual(inbox[0].params, { level: '黄色', what: '办学许可证即将到期' })

    const orange = await evaluateRisk([id], { asOf: inDays(35).toJSDate() })
    assert.equal(orange.changed, 1)
    const moved = (await warningsOf(id)).find(licence)!
    assert.equal(moved.id, raised.id)
    assert.deepInclude(moved, { level: 'orange', value: 5, threshold: 8 })
    await assertBoardMatches(assert)
    assert.lengthOf(
      (await inboxOf(owner.id)).filter((m) => m.kind === 'risk_warning'),
      2,
      'told again when the level rises'
    )

    const back = await evaluateRisk([id])
    assert.equal(back.lifted, 1)
    assert.lengthOf((await warningsOf(id)).filter(licence), 0)
    const lifted = (await warningsOf(id, { includeLifted: true })).find(licence)!
    assert.equal(lifted.liftReason, 'recovered')
    await assertBoardMatches(assert)
    assert.deepEqual(
      (await warningHistory(raised.id)).map((h) => [h.from, h.to, h.cause]),
      [
        [null, 'yellow', 'evaluation'],
        ['yellow', 'orange', 'evaluation'],
        ['orange', null, 'recovered'],
      ]
    )
  })

  test('idempotent: the same facts change nothing and tell nobody twice', async ({ assert }) => {
    const { institution, owner } = await institutionWithOwner()
    const asOf = inDays(15).toJSDate()
    await evaluateRisk([institution.id], { asOf })
    const again = await evaluateRisk([institution.id], { asOf })
    assert.deepEqual(again, { institutions: 1, raised: 0, changed: 0, lifted: 0 })
    const warning = (await warningsOf(institution.id)).find(licence)!
    assert.lengthOf(await warningHistory(warning.id), 1)
    assert.lengthOf(
      (await inboxOf(owner.id)).filter((m) => m.kind === 'risk_warning'),
      1
    )
  })

  test('every institution when none is named; an unknown one is skipped', async ({ assert }) => {
    const { institution } = await institutionWithOwner(10)
    const run = await evaluateRisk()
    assert.isAtLeast(run.institutions, 1)
    /* The nightly run rebuilds the rollup: a count tampered with is put right. */
    await db.from('risk_board_counts').update({ n: 999 })
    await evaluateRisk()
    await assertBoardMatches(assert)
    assert.lengthOf((await warningsOf(institution.id)).filter(licence), 1)
    assert.deepEqual(await evaluateRisk([987_654_321]), {
      institutions: 0,
      raised: 0,
      changed: 0,
      lifted: 0,
    })
  })
})

test.group("Risk evaluation from the funds module's facts", (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a refund request and an open anomaly warn, with the records behind them', async ({
    assert,
  }) => {
    const { institution } = await institutionWithOwner()
    const teacher = await createStaffMember(institution.id)
    const course = await createCourse(institution.id, courseDraft({ teacherIds: [teacher.id] }))
    const parent = await createTestAccount({ role: 'parent', regionCode: institution.regionCode })
    const records = await fundsRecordsFor(await signedContractFixture(course.id, parent.id))
    await evaluateRisk([institution.id])
    const open = new Map((await warningsOf(institution.id)).map((w) => [w.indicator, w]))
    assert.deepInclude(open.get('open_anomalies')!, { level: 'yellow', value: 1, threshold: 1 })
    assert.deepEqual(open.get('open_anomalies')!.evidence, { anomalies: [records.anomalyId] })
    /* One refund over at least 20 orders: 5 per 100. */
    assert.deepInclude(open.get('refund_dispute_rate')!, { level: 'yellow', value: 5 })
    assert.deepInclude(open.get('refund_dispute_rate')!.evidence, { refunds: [records.refundId] })
    assert.isFalse(open.has('fund_coverage'), 'no balance reported yet: not measured')
  })
})

test.group('Risk evaluation under concurrency', () => {
  test('two evaluations at once raise one warning and tell once', async ({ assert, cleanup }) => {
    const { institution, owner } = await institutionWithOwner()
    /* Committed for real (two transactions race): its open warning must not reach other files' lifecycle runs. */
    cleanup(async () => {
      await db.from('risk_warnings').where('institution_id', institution.id).delete()
    })
    const asOf = inDays(15).toJSDate()
    const runs = await Promise.all([
      evaluateRisk([institution.id], { asOf }),
      evaluateRisk([institution.id], { asOf }),
    ])
    assert.equal(runs[0].raised + runs[1].raised, 1)
    assert.lengthOf((await warningsOf(institution.id)).filter(licence), 1)
    assert.lengthOf(
      (await inboxOf(owner.id)).filter((m) => m.kind === 'risk_warning'),
      1
    )
  })
})
