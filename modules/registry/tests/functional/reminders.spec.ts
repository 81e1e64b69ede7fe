import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { ZONE, todayIso } from '#kernel/shared/dates'
import { addWorkingDays } from '#kernel/shared/working_days'
import { type TestAccountInput, createTestAccount } from '#testing/identity'
import { deliveriesOf, inboxOf } from '#testing/messages'
import { createFiledInstitution } from '../../testing.js'
import FilingReview from '../../models/filing_review.js'
import Finding from '../../models/finding.js'
import Institution from '../../models/institution.js'
import { openRectificationCase } from '../../actions/open_rectification_case.js'
import {
  FILING_REVIEW_WORKING_DAYS,
  RemindWaitingFilings,
} from '../../actions/remind_waiting_filings.js'
import { RemindRectificationsDue } from '../../actions/remind_rectifications_due.js'
import { RemindOverdueRectifications } from '../../actions/remind_overdue_rectifications.js'

/*
| The registry's daily reminders, each to exactly the people who must act:
| a filing left waiting to the bureau that reviews it (the county, or the
| province for an online institution), a rectification due soon to the
| institution, an overdue one to the responsible bureau. Each once.
*/
const inDays = (n: number) =>
  DateTime.fromISO(todayIso(), { zone: ZONE }).plus({ days: n }).toISODate()!

async function people() {
  const offline = await createFiledInstitution({ regionCode: '220104', name: '朝阳区启明艺术学校' })
  const online = await createFiledInstitution({
    regionCode: '220104',
    name: '吉林云课堂在线教育',
    delivery: 'online',
  })
  const account = (input: TestAccountInput) => createTestAccount(input).then((a) => a.id)
  const admin = (adminLevel: TestAccountInput['adminLevel'], regionCode: string, extra = {}) =>
    account({ role: 'admin', adminLevel, regionCode, ...extra })
  return {
    offline,
    online,
    ids: {
      owner: await account({
        role: 'institution_owner',
        orgType: 'institution',
        orgId: offline.id,
      }),
      staff: await account({
        role: 'institution_staff',
        orgType: 'institution',
        orgId: offline.id,
      }),
      onlineOwner: await account({
        role: 'institution_owner',
        orgType: 'institution',
        orgId: online.id,
      }),
      county: await admin('county', '220104'),
      countyDisabled: await admin('county', '220104', { status: 'disabled' }),
      subunit: await admin('subunit', '220104'),
      otherCounty: await admin('county', '220102'),
      city: await admin('city', '220100'),
      province: await admin('province', '220000'),
      otherProvince: await admin('province', '210000'),
    },
  }
}

type Ids = Awaited<ReturnType<typeof people>>['ids']

/** Who has a message of this kind in their message centre, and what each says (oldest first). */
async function told(ids: Ids, kind: string) {
  const out: Record<string, Record<string, string>[]> = {}
  for (const [name, id] of Object.entries(ids)) {
    const rows = (await inboxOf(id)).filter((row) => row.kind === kind)
    if (rows.length) out[name] = rows.reverse().map((row) => ({ ...row.params, link: row.link }))
  }
  return out
}

/* Which of this test's accounts were texted, once per text: other files' committed bureaus may be texted too. */
const textedIds = async (kind: string, ids?: Ids) => {
  const ours = ids ? new Set(Object.values(ids)) : null
  return (await deliveriesOf(kind))
    .map((row) => Number(row.recipient_user_id))
    .filter((id) => !ours || ours.has(id))
}

async function submitted(institution: Institution, on: string) {
  await Institution.query().where('id', institution.id).update({ filing_status: 'submitted' })
  return FilingReview.create({
    institutionId: institution.id,
    snapshot: {},
    submittedAt: DateTime.fromISO(`${on}T10:00:00`, { zone: ZONE }),
    submittedById: null,
  })
}

const finding = (institutionId: number, item: string, deadline: string) =>
  openRectificationCase(
    { automated: '测试' },
    {
      institutionId,
      item,
      severity: 'minor',
      description: '见检查记录',
      deadline,
      purpose: '日常检查',
    }
  )

test.group('Registry reminders', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a filing waiting longer than its review days reaches its reviewing bureau, once', async ({
    assert,
  }) => {
    const { offline, online, ids } = await people()
    const on = '2026-03-02'
    await submitted(offline, on)
    await submitted(online, on)
    const remind = (today: string) => new RemindWaitingFilings().handle(today)
    const due = addWorkingDays(on, FILING_REVIEW_WORKING_DAYS)

    assert.equal(await remind(due), 0, 'waited exactly the review days: not yet')
    assert.deepEqual(await told(ids, 'deadline_reminder'), {})

    const late = addWorkingDays(on, FILING_REVIEW_WORKING_DAYS + 1)
    /* Other files' committed bureaus may be waiting too: the exact recipients, once each, are checked on our own accounts below. */
    assert.isAtLeast(await remind(late), 2)
    await remind(late)
    await remind(addWorkingDays(late, 1))
    assert.deepEqual(await told(ids, 'deadline_reminder'), {
      county: [
        { what: '备案待审核：朝阳区启明艺术学校', due, link: `/manage/filings/${offline.id}` },
      ],
      province: [
        { what: '备案待审核：吉林云课堂在线教育', due, link: `/manage/filings/${online.id}` },
      ],
    })
    assert.sameMembers(await textedIds('deadline_reminder', ids), [ids.county, ids.province])
    assert.lengthOf(await textedIds('deadline_reminder', ids), 2)
  })

  test('a decided filing reminds nobody', async ({ assert }) => {
    const { offline, ids } = await people()
    const review = await submitted(offline, '2026-03-02')
    review.merge({ decision: 'approved', decidedAt: DateTime.now() })
    await review.save()
    await Institution.query().where('id', offline.id).update({ filing_status: 'approved' })
    assert.equal(await new RemindWaitingFilings().handle('2026-04-30'), 0)
    assert.deepEqual(await told(ids, 'deadline_reminder'), {})
  })

  test('an open finding due within three days reaches the institution’s accounts, once per deadline', async ({
    assert,
  }) => {
    const { offline, online, ids } = await people()
    await finding(offline.id, 'fees', inDays(3))
    await finding(offline.id, 'venue', inDays(4))
    const reported = await finding(offline.id, 'contract', inDays(1))
    await Finding.query().where('id', reported.findingId).update({ status: 'reported' })
    await finding(online.id, 'advertising', inDays(10))

    const remind = () => new RemindRectificationsDue().handle(todayIso())
    assert.equal(await remind(), 2)
    await remind()
    const fees = [{ item: '收费与退费', deadline: inDays(3), link: '/institution/rectifications' }]
    assert.deepEqual(await told(ids, 'rectification_due'), { owner: fees, staff: fees })
    assert.deepEqual(await textedIds('rectification_due', ids), [ids.owner, ids.staff])

    /* The next day the venue finding comes within three days too; the fees one is not told again. */
    await new RemindRectificationsDue().handle(inDays(1))
    const both = [
      ...fees,
      { item: '场地条件', deadline: inDays(4), link: '/institution/rectifications' },
    ]
    assert.deepEqual(await told(ids, 'rectification_due'), { owner: both, staff: both })
  })

  test('a rectification past its deadline, reported or not, reaches the responsible bureau, once', async ({
    assert,
  }) => {
    const { offline, online, ids } = await people()
    const missed = await finding(offline.id, 'fees', inDays(-1))
    const waiting = await finding(online.id, 'advertising', inDays(-2))
    await Finding.query().where('id', waiting.findingId).update({ status: 'reported' })
    const closed = await finding(offline.id, 'venue', inDays(-5))
    await Finding.query().where('id', closed.findingId).update({ status: 'closed' })
    await finding(offline.id, 'contract', todayIso())

    const remind = () => new RemindOverdueRectifications().handle(todayIso())
    /* Other files' committed bureaus may be owed reminders too: our own accounts are checked exactly below. */
    assert.isAtLeast(await remind(), 2)
    await remind()
    assert.deepEqual(await told(ids, 'deadline_reminder'), {
      county: [
        {
          what: '整改逾期（收费与退费）：朝阳区启明艺术学校',
          due: inDays(-1),
          link: `/manage/inspections/${missed.inspectionId}`,
        },
      ],
      province: [
        {
          what: '整改逾期（招生宣传）：吉林云课堂在线教育',
          due: inDays(-2),
          link: `/manage/inspections/${waiting.inspectionId}`,
        },
      ],
    })
    assert.sameMembers(await textedIds('deadline_reminder', ids), [ids.county, ids.province])
    assert.lengthOf(await textedIds('deadline_reminder', ids), 2)
  })
})
