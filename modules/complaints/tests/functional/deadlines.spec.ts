import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { todayIso } from '#kernel/shared/dates'
import { addWorkingDays } from '#kernel/shared/working_days'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { complaintState, fileTestComplaint } from '../../testing.js'
import { ApplyComplaintDeadlines } from '../../actions/apply_deadlines.js'
import { RespondAsInstitution } from '../../actions/respond_as_institution.js'
import { AcceptCase, ReplyToCase, TransferCase } from '../../actions/bureau_handling.js'
import {
  AcceptResult,
  RateHandling,
  ReopenCase,
  RequestReview,
  WithdrawCase,
} from '../../actions/complainant_steps.js'

const dayAfter = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
const sweep = (today: string) => new ApplyComplaintDeadlines().handle(today)

async function actors() {
  const institution = await createFiledInstitution({ regionCode: '220104' })
  const owner = await createTestAccount({
    role: 'institution_owner',
    orgType: 'institution',
    orgId: institution.id,
  })
  const county = await createTestAccount({
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
  })
  const city = await createTestAccount({ role: 'admin', adminLevel: 'city', regionCode: '220100' })
  return { institution, owner, county, city }
}

test.group(
  'Complaint handling: routing, deadlines and escalation (controllable clock)',
  (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())

    test('a service complaint goes to the institution first, due in 5 working days; an answer in time keeps it timely', async ({
      assert,
    }) => {
      const { institution, owner } = await actors()
      const { complaint } = await fileTestComplaint({
        targetType: 'institution',
        complaintType: 'service',
        institutionId: institution.id,
        targetRegionCode: null,
      })
      let state = await complaintState(complaint.id)
      assert.deepInclude(state, {
        status: 'with_institution',
        stage: 'institution',
        handler: '220104',
        timely: true,
        dueOn: addWorkingDays(todayIso(), 5),
      })
      assert.deepEqual(state.steps, ['filed', 'to_institution'])
      await new RespondAsInstitution().handle(
        owner.user,
        complaint.id,
        '已联系家长，同意调换老师并补课两节。'
      )
      await new AcceptResult().handle(complaint.id)
      state = await complaintState(complaint.id)
      assert.deepInclude(state, { status: 'closed', outcome: 'resolved', timely: true })
      assert.deepEqual(state.steps, [
        'filed',
        'to_institution',
        'institution_responded',
        'result_accepted',
      ])
    })

    test('a reminder comes once, two working days before; a missed institution deadline moves the case to the county and clears "timely"', async ({
      assert,
    }) => {
      const { institution } = await actors()
      const { complaint } = await fileTestComplaint({
        targetType: 'institution',
        complaintType: 'refund',
        institutionId: institution.id,
        targetRegionCode: null,
      })
      const due = (await complaintState(complaint.id)).dueOn!
      assert.deepEqual(
        await sweep(todayIso()),
        { reminded: 0, escalated: 0, closedSilently: 0 },
        'five working days ahead: too early to remind'
      )
      const twoBefore = addWorkingDays(todayIso(), 3)
      assert.equal((await sweep(twoBefore)).reminded, 1)
      assert.equal((await sweep(twoBefore)).reminded, 0, 'one reminder per deadline')
      assert.equal((await sweep(due)).escalated, 0, 'the due date itself is still in time')
      assert.equal((await sweep(dayAfter(due))).escalated, 1)
      const state = await complaintState(complaint.id)
      assert.deepInclude(state, {
        status: 'submitted',
        stage: 'bureau',
        handler: '220104',
        timely: false,
        dueOn: addWorkingDays(dayAfter(due), 7),
      })
      assert.deepEqual(state.steps.slice(-3), ['reminded', 'institution_overdue', 'to_bureau'])
    })

    test('a bureau that does not accept in 7 working days loses the case to the city, then the province', async ({
      assert,
    }) => {
      const { complaint } = await fileTestComplaint({ complaintType: 'unlicensed' })
      let state = await complaintState(complaint.id)
      assert.deepInclude(state, {
        status: 'submitted',
        handler: '220104',
        dueOn: addWorkingDays(todayIso(), 7),
      })
      await sweep(dayAfter(state.dueOn!))
      state = await complaintState(complaint.id)
      assert.deepInclude(state, { status: 'submitted', handler: '220100', timely: false })
      await sweep(dayAfter(state.dueOn!))
      assert.equal((await complaintState(complaint.id)).handler, '220000')
    })

    test('once accepted, a tip-off is due in 15 working days and a complaint in 45', async ({
      assert,
    }) => {
      const { county } = await actors()
      const tip = await fileTestComplaint({ complaintType: 'enrolment' })
      const plain = await fileTestComplaint({ complaintType: 'safety' })
      await new AcceptCase().handle(county.user, tip.complaint.id)
      await new AcceptCase().handle(county.user, plain.complaint.id)
      assert.equal((await complaintState(tip.complaint.id)).dueOn, addWorkingDays(todayIso(), 15))
      assert.equal((await complaintState(plain.complaint.id)).dueOn, addWorkingDays(todayIso(), 45))
    })

    test('a transfer hands the case to another county with a new acceptance deadline', async ({
      assert,
    }) => {
      const { county } = await actors()
      const { complaint } = await fileTestComplaint()
      await new TransferCase().handle(county.user, complaint.id, '220102', '培训点实际在南关区')
      const state = await complaintState(complaint.id)
      assert.deepInclude(state, {
        status: 'submitted',
        handler: '220102',
        dueOn: addWorkingDays(todayIso(), 7),
      })
      assert.equal(state.steps.at(-1), 'transferred')
      await assert.rejects(
        () => new TransferCase().handle(county.user, complaint.id, '229999', '不存在'),
        'complaints.errors.transfer_region'
      )
    })

    test('review goes once to the level above; a resolved case reopens once; a handling is rated once', async ({
      assert,
    }) => {
      const { county, city } = await actors()
      const { complaint } = await fileTestComplaint()
      await new AcceptCase().handle(county.user, complaint.id)
      await new ReplyToCase().handle(
        county.user,
        complaint.id,
        '经核查，该培训点已停止招生。',
        'resolved'
      )
      await new RequestReview().handle(complaint.id, '仍在偷偷上课')
      let state = await complaintState(complaint.id)
      assert.deepInclude(state, { status: 'accepted', handler: '220100', outcome: null })
      await new ReplyToCase().handle(
        city.user,
        complaint.id,
        '市局复核：已联合执法取缔。',
        'resolved'
      )
      await assert.rejects(
        () => new RequestReview().handle(complaint.id, '再复核一次'),
        'complaints.errors.review_once'
      )
      await new AcceptResult().handle(complaint.id)
      await new ReopenCase().handle(complaint.id, '又开班了')
      state = await complaintState(complaint.id)
      assert.deepInclude(state, { status: 'submitted', handler: '220100', outcome: null })
      await new AcceptCase().handle(city.user, complaint.id)
      await new ReplyToCase().handle(
        city.user,
        complaint.id,
        '再次取缔并移交市场监管。',
        'resolved'
      )
      await new AcceptResult().handle(complaint.id)
      await assert.rejects(
        () => new ReopenCase().handle(complaint.id, '第三次'),
        'complaints.errors.reopen_once'
      )
      await new RateHandling().handle(complaint.id, 4, '处理及时')
      await assert.rejects(
        () => new RateHandling().handle(complaint.id, 5, null),
        'complaints.errors.rated_once'
      )
    })

    test('a complainant silent after a reply is taken to accept it; a withdrawn case cannot be answered', async ({
      assert,
    }) => {
      const { county, institution, owner } = await actors()
      const { complaint } = await fileTestComplaint()
      await new AcceptCase().handle(county.user, complaint.id)
      await new ReplyToCase().handle(county.user, complaint.id, '已处理', 'unresolved')
      const due = (await complaintState(complaint.id)).dueOn!
      assert.equal((await sweep(dayAfter(due))).closedSilently, 1)
      assert.deepInclude(await complaintState(complaint.id), {
        status: 'closed',
        outcome: 'unresolved',
      })

      const other = await fileTestComplaint({
        targetType: 'institution',
        complaintType: 'service',
        institutionId: institution.id,
        targetRegionCode: null,
      })
      await new WithdrawCase().handle(other.complaint.id)
      await assert.rejects(
        () => new RespondAsInstitution().handle(owner.user, other.complaint.id, '迟到的答复内容'),
        'complaints.errors.state'
      )
      assert.deepInclude(await complaintState(other.complaint.id), {
        status: 'withdrawn',
        outcome: 'withdrawn',
      })
    })

    test('acting after the due date, before the sweep ran, still counts as late', async ({
      assert,
    }) => {
      const { county } = await actors()
      const { complaint } = await fileTestComplaint()
      const { default: Complaint } = await import('../../models/complaint.js')
      await Complaint.query().where('id', complaint.id).update({ due_on: '2026-01-05' })
      await new AcceptCase().handle(county.user, complaint.id)
      assert.isFalse((await complaintState(complaint.id)).timely)
    })
  }
)
