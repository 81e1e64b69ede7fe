/*
| Demo complaints and reviews: cases in every state across the demo
| counties (some answered in time, some escalated after a missed
| deadline, one reviewed by the city), and reviews of orders that have a
| consumed class. Built through the real actions, so trails, deadlines and
| statistics are what the platform itself would produce.
*/
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { CurrentUserProvider, type CurrentUser } from '#modules/identity'
import { type DemoAccount, demoName } from '#modules/identity/demo'
import { institutionIds } from '#modules/registry'
import { ordersOfParent } from '#modules/funds'
import { FileComplaint } from '../actions/file_complaint.js'
import { RespondAsInstitution } from '../actions/respond_as_institution.js'
import {
  AcceptCase,
  NoteInvestigation,
  ReplyToCase,
  DeclineCase,
} from '../actions/bureau_handling.js'
import {
  AcceptResult,
  RateHandling,
  RequestReview,
  EscalateToBureau,
} from '../actions/complainant_steps.js'
import { ApplyComplaintDeadlines } from '../actions/apply_deadlines.js'
import { PostReview } from '../actions/reviews.js'
import Complaint from '../models/complaint.js'

const STORIES = [
  { type: 'refund', content: '孩子转学要求退还剩余 18 节课的费用，机构一直拖着不办。' },
  { type: 'service', content: '原定的老师换成了实习生，上课经常迟到，和合同约定不符。' },
  {
    type: 'unlicensed',
    content: '小区 3 号楼地下室有人开英语班，没有办学许可证，也没有消防设施。',
  },
  { type: 'enrolment', content: '机构在学校门口发传单，宣称“提前学完初中数学”，违规招生。' },
  { type: 'safety', content: '教室窗户没有护栏，放学时没有老师看管，孩子自己跑到马路上。' },
  { type: 'other', content: '机构微信群里要求家长再交一年学费才能继续上课。' },
] as const

const userOf = async (id: number): Promise<CurrentUser> =>
  (await new CurrentUserProvider().findById(id))!.getOriginal() as CurrentUser

export async function seedComplaintsDemo(
  accounts: DemoAccount[],
  parents: { id: number; displayName: string }[]
) {
  if (app.inProduction) throw new Error('Demo data is never created in production')
  if (await Complaint.query().first()) return { complaints: 0, reviews: 0 }
  const county = accounts.find((a) => a.role === 'admin' && a.regionCode === '220104')
  const city = accounts.find((a) => a.role === 'admin' && a.regionCode === '220100')
  const owner = accounts.find((a) => a.role === 'institution_owner')
  const institutions = [
    ...(await institutionIds({ region: '220104' }, 6)),
    ...(await institutionIds({ region: '220102' }, 3)),
  ]
  const file = new FileComplaint()
  const cases: Complaint[] = []
  for (let i = 0; i < 18; i++) {
    const story = STORIES[i % STORIES.length]!
    const parent = parents[i % parents.length]!
    const aboutInstitution = story.type !== 'unlicensed' && institutions.length > 0
    const { complaint } = await file.handle({
      channel: i % 3 === 0 ? 'public' : 'parent',
      authorUserId: i % 3 === 0 ? null : parent.id,
      name: parent.displayName || demoName(i),
      phone: `1390000${String(300 + (i % parents.length)).padStart(4, '0')}`,
      targetType: aboutInstitution ? 'institution' : 'other',
      complaintType: story.type,
      targetRegionCode: ['220104', '220102', '220105'][i % 3]!,
      institutionId: aboutInstitution ? institutions[i % institutions.length]! : null,
      targetName: aboutInstitution ? '' : '居民楼地下室培训班',
      content: story.content,
      orderId: null,
      attachments: [],
    })
    cases.push(complaint)
  }
  const countyUser = county ? await userOf(county.id) : null
  const cityUser = city ? await userOf(city.id) : null
  const ownerUser = owner ? await userOf(owner.id) : null
  for (const [i, c] of cases.entries()) {
    const fresh = await Complaint.findOrFail(c.id)
    if (fresh.stage === 'institution' && ownerUser && i % 2 === 0) {
      await new RespondAsInstitution().handle(
        ownerUser,
        fresh.id,
        '已与家长电话沟通，同意按合同退还未上课时的费用，三个工作日内原路退回。'
      )
      if (i % 4 === 0) await new AcceptResult().handle(fresh.id)
      else await new EscalateToBureau().handle(fresh.id, '机构答复后仍未退款')
    }
    const now = await Complaint.findOrFail(c.id)
    if (now.handlerRegionCode !== '220104' || now.status !== 'submitted' || !countyUser) continue
    if (i % 5 === 4) {
      await new DeclineCase().handle(
        countyUser,
        now.id,
        '所反映问题属于市场监管部门职责，已告知投诉人向 12315 反映。'
      )
      continue
    }
    if (i % 3 === 2) continue
    await new AcceptCase().handle(countyUser, now.id)
    await new NoteInvestigation().handle(countyUser, now.id, '已到现场核查，调取了收费记录和课表。')
    await new ReplyToCase().handle(
      countyUser,
      now.id,
      '经核查情况属实，已责令机构限期整改并退还费用。',
      'resolved'
    )
    if (i % 6 === 1 && cityUser) {
      await new RequestReview().handle(now.id, '整改后仍未退款')
      await new ReplyToCase().handle(
        cityUser,
        now.id,
        '市局复核：机构已于本周退款，整改到位。',
        'resolved'
      )
    }
    await new AcceptResult().handle(now.id)
    await new RateHandling().handle(now.id, 3 + (i % 3), i % 2 ? '处理及时，谢谢' : null)
  }
  /* Cases filed three weeks ago that nobody answered in time: the sweep escalates them as it would have. */
  const late = (
    await db
      .from('complaints')
      .whereIn(
        'id',
        cases.filter((_, i) => i % 7 === 3).map((c) => c.id)
      )
      .whereIn('status', ['with_institution', 'submitted'])
      .select('id')
  ).map((r) => r.id)
  if (late.length) {
    await db
      .from('complaints')
      .whereIn('id', late)
      .update({
        created_at: db.raw("created_at - interval '21 days'"),
        due_on: db.raw("(created_at - interval '21 days')::date + 7"),
      })
    await db
      .from('complaint_steps')
      .whereIn('complaint_id', late)
      .update({
        created_at: db.raw("created_at - interval '21 days'"),
        due_on: db.raw(
          "case when due_on is null then null else (created_at - interval '21 days')::date + 7 end"
        ),
      })
  }
  await new ApplyComplaintDeadlines().handle()

  let reviews = 0
  for (const [i, parent] of parents.entries()) {
    for (const order of (await ordersOfParent(parent.id))
      .filter((o) => o.classesConsumed > 0)
      .slice(0, 1)) {
      await new PostReview().handle(
        await userOf(parent.id),
        order.id,
        [5, 4, 5, 3, 5, 2][i % 6]!,
        [
          '老师很负责，孩子进步明显。',
          '课程安排合理，就是停车不方便。',
          '退费流程清楚，客服回复及时。',
          '上课内容和宣传有出入。',
          '环境干净，老师耐心。',
          '换了三次老师，不太满意。',
        ][i % 6]!
      )
      reviews++
    }
  }
  return { complaints: cases.length, reviews }
}
