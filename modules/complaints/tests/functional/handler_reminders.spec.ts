import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { todayIso } from '#kernel/shared/dates'
import { addWorkingDays } from '#kernel/shared/working_days'
import { type TestAccountInput, createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { deliveriesOf, inboxOf } from '#testing/messages'
import { complaintState, fileTestComplaint } from '../../testing.js'
import { ApplyComplaintDeadlines } from '../../actions/apply_deadlines.js'
import Complaint from '../../models/complaint.js'

/*
| The deadline sweep tells whoever must act next, in their message centre
| and by text: the institution's accounts before its answer is due, the
| handling bureau's accounts (that region exactly, no sub-unit, no other
| level) before theirs and as soon as an overdue case reaches them.
*/
const dayAfter = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
const sweep = (today: string) => new ApplyComplaintDeadlines().handle(today)

async function people() {
  const institution = await createFiledInstitution({ regionCode: '220104' })
  const other = await createFiledInstitution({ regionCode: '220104' })
  const account = (input: TestAccountInput) => createTestAccount(input).then((a) => a.id)
  const staffOf = (orgId: number, extra: Partial<TestAccountInput> = {}) =>
    account({ role: 'institution_staff', orgType: 'institution', orgId, ...extra })
  const admin = (adminLevel: TestAccountInput['adminLevel'], regionCode: string, extra = {}) =>
    account({ role: 'admin', adminLevel, regionCode, ...extra })
  return {
    institution,
    ids: {
      owner: await account({
        role: 'institution_owner',
        orgType: 'institution',
        orgId: institution.id,
      }),
      staff: await staffOf(institution.id),
      disabledStaff: await staffOf(institution.id, { status: 'disabled' }),
      otherInstitution: await staffOf(other.id),
      county: await admin('county', '220104'),
      county2: await admin('county', '220104'),
      countyPending: await admin('county', '220104', { password: null }),
      countyDisabled: await admin('county', '220104', { status: 'disabled' }),
      subunit: await admin('subunit', '220104'),
      otherCounty: await admin('county', '220102'),
      city: await admin('city', '220100'),
      province: await admin('province', '220000'),
    },
  }
}

type Ids = Awaited<ReturnType<typeof people>>['ids']

/** Who has a deadline reminder in their message centre, and what each says. */
async function reminded(ids: Ids) {
  const out: Record<string, { what: string; due: string; link: string }[]> = {}
  for (const [name, id] of Object.entries(ids)) {
    const rows = (await inboxOf(id)).filter((row) => row.kind === 'deadline_reminder')
    if (rows.length) out[name] = rows.reverse().map((row) => ({ ...row.params, link: row.link }))
  }
  return out
}

async function textedIds() {
  return (await deliveriesOf('deadline_reminder')).map((row) => Number(row.recipient_user_id))
}

test.group('Complaint deadlines reach the handler’s message centre', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the institution before its answer is due, then its county when it passes; each once', async ({
    assert,
  }) => {
    const { institution, ids } = await people()
    const { complaint } = await fileTestComplaint({
      targetType: 'institution',
      complaintType: 'refund',
      institutionId: institution.id,
      targetRegionCode: null,
    })
    const { number, dueOn } = await complaintState(complaint.id)
    const atInstitution = `/institution/complaints/${complaint.id}`

    await sweep(todayIso())
    assert.deepEqual(await reminded(ids), {}, 'five working days ahead: nobody yet')

    const twoBefore = addWorkingDays(todayIso(), 3)
    assert.equal((await sweep(twoBefore)).reminded, 1)
    assert.equal((await sweep(twoBefore)).reminded, 0)
    const toInstitution = [{ what: `投诉 ${number} 待机构答复`, due: dueOn!, link: atInstitution }]
    assert.deepEqual(await reminded(ids), { owner: toInstitution, staff: toInstitution })
    assert.deepEqual(await textedIds(), [ids.owner, ids.staff])

    /* A sweep that lost its "reminded" mark still tells nobody twice: the message key holds. */
    await Complaint.query().where('id', complaint.id).update({ reminded_for: null })
    assert.equal((await sweep(twoBefore)).reminded, 1)
    assert.deepEqual(await textedIds(), [ids.owner, ids.staff])
    assert.lengthOf((await reminded(ids)).owner ?? [], 1)

    const late = dayAfter(dueOn!)
    assert.equal((await sweep(late)).escalated, 1)
    assert.equal((await sweep(late)).escalated, 0)
    const bureauDue = addWorkingDays(late, 7)
    assert.equal((await complaintState(complaint.id)).dueOn, bureauDue)
    const toCounty = [
      {
        what: `逾期投诉 ${number} 待受理`,
        due: bureauDue,
        link: `/manage/complaints/${complaint.id}`,
      },
    ]
    assert.deepEqual(await reminded(ids), {
      owner: toInstitution,
      staff: toInstitution,
      county: toCounty,
      county2: toCounty,
    })
    assert.deepEqual(await textedIds(), [ids.owner, ids.staff, ids.county, ids.county2])
  })

  test('a county reminded before its deadline, the city told when the case passes to it', async ({
    assert,
  }) => {
    const { ids } = await people()
    const { complaint } = await fileTestComplaint({ complaintType: 'unlicensed' })
    const { number, dueOn } = await complaintState(complaint.id)
    const link = `/manage/complaints/${complaint.id}`

    assert.equal((await sweep(addWorkingDays(todayIso(), 5))).reminded, 1)
    const toCounty = [{ what: `投诉 ${number} 待受理`, due: dueOn!, link }]
    assert.deepEqual(await reminded(ids), { county: toCounty, county2: toCounty })

    const late = dayAfter(dueOn!)
    await sweep(late)
    const state = await complaintState(complaint.id)
    assert.equal(state.handler, '220100')
    assert.deepEqual(await reminded(ids), {
      county: toCounty,
      county2: toCounty,
      city: [{ what: `逾期投诉 ${number} 待受理`, due: state.dueOn!, link }],
    })
    assert.deepEqual(await textedIds(), [ids.county, ids.county2, ids.city])
  })
})
