import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { evaluateRisk } from '#modules/credit'
import { createTestAccount } from '#testing/identity'
import { inboxOf } from '#testing/messages'
import { createFiledInstitution } from '#testing/registry'
import { advanceRiskWarnings } from '../../risk/advance_warnings.js'
import { AnswerRiskWarning } from '../../risk/actions/answer_risk_warning.js'
import { LiftRiskWarning } from '../../risk/actions/lift_risk_warning.js'
import { warningHistory, warningsOf } from '../../risk/queries/warnings_of.js'

/*
| raised → institution reminded → bureau urged after N working days →
| public risk notice after the deadline; lifted by the bureau with a note
| (which holds until the indicator worsens); answered by the institution.
| The licence indicator (valid 10 more days: yellow) drives it, so no
| other module's rows are changed by hand.
*/
const inDays = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n })
const dayBefore = (iso: string) => DateTime.fromISO(iso).minus({ days: 1 }).toISODate()!

async function world() {
  const institution = await createFiledInstitution({
    licenceValidTo: inDays(10).toISODate()!,
  })
  const account = (input: Parameters<typeof createTestAccount>[0]) =>
    createTestAccount(input).then((a) => a.user)
  return {
    institution,
    owner: await account({
      role: 'institution_owner',
      regionCode: institution.regionCode,
      orgType: 'institution',
      orgId: institution.id,
    }),
    county: await account({ role: 'admin', adminLevel: 'county', regionCode: '220104' }),
    subunit: await account({ role: 'admin', adminLevel: 'subunit', regionCode: '220104' }),
    otherCounty: await account({ role: 'admin', adminLevel: 'county', regionCode: '220102' }),
    city: await account({ role: 'admin', adminLevel: 'city', regionCode: '220100' }),
  }
}

const licenceWarning = async (institutionId: number) =>
  (await warningsOf(institutionId)).find((w) => w.indicator === 'licence_expiring')

const reminders = async (userId: number) =>
  (await inboxOf(userId)).filter((m) => m.kind === 'deadline_reminder')

test.group('Risk warning lifecycle', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('unlifted: the county urged after its working days, then a public risk notice; each once', async ({
    assert,
  }) => {
    const w = await world()
    await evaluateRisk([w.institution.id])
    const warning = (await licenceWarning(w.institution.id))!
    assert.equal(warning.level, 'yellow')
    assert.isNotNull(warning.remindedAt)
    assert.isTrue(warning.noticeDueOn > warning.urgeDueOn)

    assert.deepEqual(await advanceRiskWarnings(dayBefore(warning.urgeDueOn)), {
      urged: 0,
      noticed: 0,
    })
    assert.deepEqual(await advanceRiskWarnings(warning.urgeDueOn), { urged: 1, noticed: 0 })
    const told = await reminders(w.county.id)
    assert.lengthOf(told, 1)
    assert.include(told[0].params.what, '办学许可证即将到期')
    assert.equal(told[0].params.due, warning.noticeDueOn)
    assert.equal(told[0].link, `/manage/risk/warnings/${warning.id}`)
    assert.lengthOf(await reminders(w.otherCounty.id), 0)
    assert.lengthOf(await reminders(w.city.id), 0)

    assert.deepEqual(await advanceRiskWarnings(dayBefore(warning.noticeDueOn)), {
      urged: 0,
      noticed: 0,
    })
    assert.deepEqual(await advanceRiskWarnings(warning.noticeDueOn), { urged: 0, noticed: 1 })
    const noticed = (await licenceWarning(w.institution.id))!
    assert.isNotNull(noticed.noticedAt)
    assert.isNotNull(noticed.noticeId)
    assert.deepEqual(await advanceRiskWarnings(warning.noticeDueOn), { urged: 0, noticed: 0 })
    assert.lengthOf(await reminders(w.county.id), 1)
  })

  test('a lifted warning is never urged nor published', async ({ assert }) => {
    const w = await world()
    await evaluateRisk([w.institution.id])
    const warning = (await licenceWarning(w.institution.id))!
    await new LiftRiskWarning().handle(w.county, { warningId: warning.id, note: '已续证' })
    assert.deepEqual(await advanceRiskWarnings(warning.noticeDueOn), { urged: 0, noticed: 0 })
  })

  test('the bureau lifts with a note; it holds until the indicator worsens', async ({ assert }) => {
    const w = await world()
    await evaluateRisk([w.institution.id])
    const warning = (await licenceWarning(w.institution.id))!
    const lift = (actor: typeof w.county, note = '许可证续期材料已提交，正在审批') =>
      new LiftRiskWarning().handle(actor, { warningId: warning.id, note })

    await assert.rejects(() => lift(w.otherCounty), /not found|Not Found/i)
    await assert.rejects(() => lift(w.subunit), /not found|Not Found/i)
    await assert.rejects(() => lift(w.county, '  '), 'credit_risk.errors.note')
    assert.isTrue(await lift(w.city))
    assert.isFalse(await lift(w.county), 'already lifted')
    const [lifted] = await warningsOf(w.institution.id, { includeLifted: true })
    assert.deepInclude(lifted, { liftReason: 'bureau', liftNote: '许可证续期材料已提交，正在审批' })
    assert.deepEqual((await warningHistory(warning.id)).at(-1), {
      from: 'yellow',
      to: null,
      cause: 'bureau',
      note: '许可证续期材料已提交，正在审批',
      on: DateTime.now().setZone('Asia/Shanghai').toISODate(),
    })

    /* Same level: the bureau's lift holds. */
    assert.equal((await evaluateRisk([w.institution.id])).raised, 0)
    assert.isUndefined(await licenceWarning(w.institution.id))
    /* Worse (5 days left: orange): a new warning. */
    const worse = await evaluateRisk([w.institution.id], { asOf: inDays(5).toJSDate() })
    assert.equal(worse.raised, 1)
    assert.equal((await licenceWarning(w.institution.id))!.level, 'orange')
  })

  test('the institution answers its own warning; another institution’s is not found', async ({
    assert,
  }) => {
    const w = await world()
    const other = await world()
    await evaluateRisk([w.institution.id])
    const warning = (await licenceWarning(w.institution.id))!
    await new AnswerRiskWarning().handle(w.owner, {
      warningId: warning.id,
      answer: '续证申请已于上周提交，附受理回执。',
    })
    assert.equal(
      (await licenceWarning(w.institution.id))!.answer,
      '续证申请已于上周提交，附受理回执。'
    )
    await assert.rejects(
      () => new AnswerRiskWarning().handle(other.owner, { warningId: warning.id, answer: '无关' }),
      /not found|Not Found/i
    )
    await assert.rejects(
      () => new AnswerRiskWarning().handle(w.county, { warningId: warning.id, answer: '无关' }),
      /not found|Not Found/i
    )
  })

  test('domain events re-evaluate the institution through the queue, idempotently', async ({
    assert,
  }) => {
    /* Filing it published registry:list_changed; its delivery already raised the warning. */
    const w = await world()
    const warning = await licenceWarning(w.institution.id)
    assert.equal(warning?.level, 'yellow')
    await emitter.emit('registry:list_changed', {
      institutionId: w.institution.id,
      regionCode: w.institution.regionCode,
      from: 'white',
      to: 'white',
    })
    assert.lengthOf(await warningsOf(w.institution.id), 1)
    assert.lengthOf(await warningHistory(warning!.id), 1)
  })
})
