/*
| Benchmark data for the complaints module: a year of real-name complaints
| and tip-offs with their visible trails, and customer reviews.
|
| Each case is played through the module's own state machine and
| deadlines, up to the snapshot moment: routed to the institution's
| customer service or to the responsible bureau, answered in time or
| moved up a level by the deadline sweep (reminders included), accepted,
| investigated, replied to, accepted or reviewed by the complainant,
| closed silently, rated, sometimes reopened or withdrawn. Deadlines come
| from `complaints.deadlines` for the handling region (plugins included),
| counted in working days. Cases filed recently are still open.
|
| Rates: complaints spread evenly over the last 365 days (national: about
| 73,000 a year, the 2024 figure); about institutions 78% (grey- and
| black-listed ones four to six times as often as white ones), unlicensed
| providers 14%, schools 4%, teachers 4%; refund 30%, service 24%,
| enrolment 10%, unlicensed 10%, safety 6%, other 20%; 55% filed by a
| parent with an account (naming one of their orders when about refunds or
| service), 45% on the public website. Institutions answer 85% of what
| they receive (mostly within 5 working days), bureaus decline 8%, accept
| the rest (a few too late), reply within their deadline (a few late),
| complainants accept 45–50%, take 30% of institution answers further,
| ask for a review 4%, reopen 2%, withdraw 3%, rate 60% of the cases they
| closed themselves. Reviews: 15% of the orders with a class taken.
*/
import { randomBytes } from 'node:crypto'
import { type BulkSession, Rng, type CopyValue, uniformSql as u } from '#bench/lib/bulk_load'
import { maskName } from '#kernel/shared/personal_data'
import { workingDeadline } from '#kernel/shared/deadlines'
import { workingDaysBetween } from '#kernel/shared/working_days'
import { toRegionCode } from '#kernel/shared/region_code'
import { lineageOf, regionTree } from '#modules/identity'
import { benchParent, benchPhone, personName } from '#modules/identity/bench'
import type { BenchInstitution } from '#modules/registry/bench'
import { complaintDeadlines, type ComplaintDeadlines } from '../extension_points.js'
import type { ComplaintType, TargetType } from '../models/complaint.js'
import { bureauAbove, kindOf, responsibleBureau } from '../services/routing.js'
import { bureauName } from '../services/units.js'
import { trackingHash } from '../services/numbers.js'

export interface ComplaintsPlan {
  institutions: BenchInstitution[]
  parents: { regionCode: string; firstId: number; count: number }[]
  complaints: number
  now: string
  today: string
  seed: number
}

export interface GeneratedComplaints {
  counts: Record<string, number>
  complaintsByStatus: Record<string, number>
}

const DAY = 86_400_000
const HOUR = 3_600_000
const beijingDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10)
/** The first deadline sweep after a due date: 00:10 Beijing time the day after. */
const sweepAfter = (due: string) => Date.parse(`${due}T00:10:00+08:00`) + DAY

const STORIES: Record<ComplaintType, string[]> = {
  refund: [
    '孩子转学要求退还剩余课时费用，机构一直拖着不办。',
    '申请退费已经超过一周，机构客服不接电话。',
    '机构以“活动优惠”为由拒绝退还未上课时的费用。',
    '课程没上几节老师就离职了，要求退费被拒。',
  ],
  service: [
    '原定的老师换成了实习生，上课经常迟到，和合同约定不符。',
    '上课时间多次临时调整，没有提前通知家长。',
    '班级人数远超合同约定的小班人数。',
    '课堂纪律混乱，老师经常看手机。',
  ],
  unlicensed: [
    '小区楼里有人开辅导班，没有办学许可证，也没有消防设施。',
    '居民楼地下室有人开英语班，门口没有任何公示。',
    '有人以“托管”名义开展学科培训，没有资质。',
  ],
  enrolment: [
    '机构在学校门口发传单，宣称“提前学完初中数学”，违规招生。',
    '机构电话推销“保证提分”课程，夸大宣传。',
    '机构要求家长一次性交一年学费才给优惠。',
  ],
  safety: [
    '教室窗户没有护栏，放学时没有老师看管，孩子自己跑到马路上。',
    '培训场所消防通道堆满杂物。',
    '游泳课没有救生员在场。',
  ],
  other: [
    '机构微信群里要求家长再交一年学费才能继续上课。',
    '在职教师在校外有偿补课。',
    '机构推荐家长办理培训贷款。',
    '学校课后服务收费项目不清楚。',
  ],
}
const INSTITUTION_ANSWERS = [
  '已与家长电话沟通，同意按合同退还未上课时的费用，三个工作日内原路退回。',
  '已调整授课老师，并为孩子补上缺的课时。',
  '经核实情况属实，已向家长致歉并整改。',
  '已与家长沟通课程安排，双方达成一致。',
]
const BUREAU_REPLIES = [
  '经核查情况属实，已责令机构限期整改并退还费用。',
  '经现场检查，已督促机构规范收费和合同管理。',
  '已约谈机构负责人，责令其整改并向家长说明情况。',
  '经核查未发现所反映的问题，已向投诉人说明。',
  '已联合市场监管部门对该场所进行查处。',
]
const DECLINE_REASONS = [
  '所反映问题属于市场监管部门职责，已告知投诉人向 12315 反映。',
  '投诉内容不具体，无法核实，请补充具体信息后重新投诉。',
]
const INVESTIGATIONS = [
  '已到现场核查，调取了收费记录和课表。',
  '已约谈机构负责人，要求提供书面说明。',
  '已调阅监管账户流水和合同。',
]
const REVIEW_BODIES: Record<number, string[]> = {
  5: [
    '老师很负责，孩子进步明显。',
    '环境干净，老师耐心，孩子很喜欢。',
    '课程安排合理，每次课后都有反馈。',
  ],
  4: ['课程安排合理，就是停车不方便。', '整体不错，希望教室再大一些。', '老师专业，价格略高。'],
  3: ['上课内容和宣传有出入。', '一般，换过一次老师。'],
  2: ['换了三次老师，不太满意。', '课堂纪律一般，效果不明显。'],
  1: ['沟通很差，退费也很麻烦。', '和宣传完全不一样。'],
}
const INSTITUTION_REPLIES = [
  '感谢您的评价，我们会继续努力！',
  '非常抱歉给您带来不便，我们已安排专人跟进。',
  '感谢反馈，我们会改进课程安排。',
]

interface Step {
  action: string
  actor: 'complainant' | 'institution' | 'bureau' | 'system'
  unit: string
  note: string | null
  due: string | null
  at: number
}

const COMPLAINT_COLUMNS = [
  'id',
  'number',
  'channel',
  'author_user_id',
  'name_cipher',
  'name_masked',
  'phone_cipher',
  'phone_index',
  'phone_masked',
  'tracking_hash',
  'target_type',
  'complaint_type',
  'kind',
  'target_region_code',
  'institution_id',
  'target_name',
  'content',
  'order_id',
  'stage',
  'status',
  'handler_region_code',
  'handler_province_code',
  'handler_city_code',
  'handler_county_code',
  'province_code',
  'city_code',
  'county_code',
  'due_on',
  'reminded_for',
  'timely',
  'escalations',
  'institution_response',
  'reply',
  'outcome',
  'review_requested',
  'reopened',
  'rating',
  'rating_comment',
  'created_at',
  'updated_at',
  'accepted_at',
  'closed_at',
]
const STEP_COLUMNS = [
  'complaint_id',
  'action',
  'actor_kind',
  'actor_user_id',
  'unit_name',
  'note',
  'due_on',
  'created_at',
]

/** Writes complaints and their trails (played through to the snapshot) and reviews, in one transaction. */
export async function generateComplaints(
  session: BulkSession,
  plan: ComplaintsPlan
): Promise<GeneratedComplaints> {
  const rng = new Rng(plan.seed ^ 0x5a)
  const now = Date.parse(plan.now)
  const counts: Record<string, number> = { complaints: 0, complaint_steps: 0, reviews: 0 }
  const complaintsByStatus: Record<string, number> = {}
  const deadlines = new Map<string, ComplaintDeadlines>()
  const deadlinesFor = async (
    region: string,
    kind: 'complaint' | 'tip_off',
    type: ComplaintType
  ) => {
    const key = `${region.slice(0, 2)}:${kind}:${type}`
    let d = deadlines.get(key)
    if (!d)
      deadlines.set(
        key,
        (d = await complaintDeadlines.resolve(toRegionCode(region), { kind, complaintType: type }))
      )
    return d
  }

  /* Institutions weighted: listed ones draw more complaints. */
  const targets = plan.institutions.filter((i) => i.filingStatus === 'approved')
  const weightOf = (i: BenchInstitution) =>
    i.listStatus === 'black' ? 6 : i.listStatus === 'grey' ? 4 : 1
  const cumulative: number[] = []
  let total = 0
  for (const i of targets) cumulative.push((total += weightOf(i)))
  const pickInstitution = () => {
    const r = rng.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return targets[lo]!
  }
  const parentsByRegion = new Map(plan.parents.map((p) => [p.regionCode, p]))

  /* Orders a parent could name, a few per institution (read from the funds module's table). */
  const orders = new Map<number, { id: number; parentId: number }[]>()
  for (const row of await session.query<{
    institution_id: string
    id: string
    parent_user_id: string
  }>(`
      SELECT institution_id, id, parent_user_id FROM (
        SELECT institution_id, id, parent_user_id, row_number() OVER (PARTITION BY institution_id ORDER BY ${u('id', plan.seed % 1000)}) AS n
          FROM orders WHERE status <> 'cancelled' AND status <> 'awaiting_payment') s
       WHERE n <= 6`)) {
    const list = orders.get(Number(row.institution_id)) ?? []
    list.push({ id: Number(row.id), parentId: Number(row.parent_user_id) })
    orders.set(Number(row.institution_id), list)
  }

  const [start] = await session.query<{ id: string }>(
    'SELECT coalesce(max(id), 0) + 1 AS id FROM complaints'
  )
  const firstId = start!.id
  const complaintRows: CopyValue[][] = []
  const stepRows: CopyValue[][] = []

  for (let n = 0; n < plan.complaints; n++) {
    const id = Number(firstId) + n
    const filedAt = now - Math.floor(rng.next() * 365 * DAY)
    const targetType = rng.weighted({
      institution: 0.78,
      other: 0.14,
      school: 0.04,
      teacher: 0.04,
    }) as TargetType
    const type = (
      targetType === 'institution'
        ? rng.weighted({ refund: 0.38, service: 0.3, enrolment: 0.07, safety: 0.07, other: 0.18 })
        : targetType === 'other'
          ? rng.weighted({ unlicensed: 0.7, enrolment: 0.2, safety: 0.1 })
          : targetType === 'school'
            ? rng.weighted({ other: 0.6, enrolment: 0.4 })
            : rng.weighted({ other: 0.7, service: 0.3 })
    ) as ComplaintType
    const kind = kindOf(type)
    const institution = targetType === 'institution' ? pickInstitution() : null
    const region = institution
      ? (institution.countyCode ?? institution.regionCode)
      : pickInstitution().regionCode
    const lineage = lineageOf(region)
    const targetName =
      institution?.name ??
      (targetType === 'school'
        ? `${regionTree.get(region)!.name}实验小学`
        : targetType === 'teacher'
          ? `${regionTree.get(region)!.name}某中学教师`
          : `${rng.pick(['居民楼', '小区会所', '写字楼'])}内无证培训班`)

    /* Who complains: a parent with an account (naming an order when it is about one), or anyone on the website. */
    const byParent = rng.chance(0.55)
    let authorId: number | null = null
    let orderId: number | null = null
    if (byParent) {
      const known = institution ? orders.get(institution.id) : undefined
      if (known?.length && (type === 'refund' || type === 'service')) {
        const o = known[rng.int(0, known.length - 1)]!
        authorId = o.parentId
        orderId = o.id
      } else {
        const parents =
          parentsByRegion.get(region) ?? plan.parents[rng.int(0, plan.parents.length - 1)]!
        if (parents.count) authorId = parents.firstId + rng.int(0, parents.count - 1)
      }
    }
    const person = authorId
      ? { name: benchParent(authorId).displayName, phone: benchPhone(authorId) }
      : {
          name: personName(rng, rng.chance(0.6) ? 'female' : 'male'),
          phone: benchPhone(20_000_000 + id),
        }
    const nameMasked = maskName(person.name)
    const number = `TS${beijingDate(filedAt).replace(/-/g, '')}${String((id * 48_271) % 100_000_000).padStart(8, '0')}`

    /* The case, played through its state machine up to the snapshot. */
    const withInstitution =
      !!institution && !institution.removed && (type === 'service' || type === 'refund')
    let handler = responsibleBureau(
      region,
      institution
        ? ({
            delivery: institution.delivery,
            provinceCode: institution.provinceCode,
            regionCode: institution.regionCode,
          } as any)
        : null
    )
    let stage: 'institution' | 'bureau' = withInstitution ? 'institution' : 'bureau'
    let status: string = withInstitution ? 'with_institution' : 'submitted'
    let due: string | null = null
    let remindedFor: string | null = null
    let timely = true
    let escalations = 0
    let institutionResponse: string | null = null
    let reply: string | null = null
    let outcome: string | null = null
    let reviewRequested = false
    let reopened = false
    let rating: number | null = null
    let ratingComment: string | null = null
    let acceptedAt: number | null = null
    let closedAt: number | null = null
    let silentClose = false
    let t = filedAt
    const steps: Step[] = []
    const step = (
      action: string,
      actor: Step['actor'],
      unit: string,
      at: number,
      note: string | null = null,
      dueOn: string | null = null
    ) => steps.push({ action, actor, unit, note, due: dueOn, at })
    const handlerName = () => (stage === 'institution' ? targetName : bureauName(handler))
    const dueIn = async (phase: 'institution' | 'accept' | 'conclude' | 'answer', from: number) => {
      const d = await deadlinesFor(handler, kind, type)
      const days = {
        institution: d.institutionWorkingDays,
        accept: d.acceptWorkingDays,
        conclude: kind === 'tip_off' ? d.tipOffWorkingDays : d.concludeWorkingDays,
        answer: d.answerWorkingDays,
      }[phase]
      return workingDeadline(beijingDate(from), days)
    }
    const withdrawAt = rng.chance(0.03) ? filedAt + rng.int(12, 20 * 24) * HOUR : Infinity

    step('filed', 'complainant', nameMasked, t)
    due = await dueIn(withInstitution ? 'institution' : 'accept', t)
    step(
      withInstitution ? 'to_institution' : 'to_bureau',
      'system',
      withInstitution ? targetName : bureauName(handler),
      t,
      null,
      due
    )

    for (let guard = 0; guard < 14; guard++) {
      if (status === 'closed' || status === 'withdrawn') break
      const handlerPending =
        status === 'with_institution' || status === 'submitted' || status === 'accepted'
      /* When the handler (or the complainant) would act, had nothing intervened. */
      let actAt: number
      let action: string
      switch (status) {
        case 'with_institution': {
          const r = rng.next()
          action = r < 0.85 ? 'respond' : r < 0.9 ? 'escalate' : 'ignore'
          actAt =
            action === 'ignore'
              ? Infinity
              : t + rng.int(2, action === 'respond' ? 9 * 24 : 4 * 24) * HOUR
          break
        }
        case 'responded': {
          const r = rng.next()
          action = r < 0.5 ? 'accept_result' : r < 0.8 ? 'escalate' : 'silent'
          actAt = action === 'silent' ? Infinity : t + rng.int(2, 6 * 24) * HOUR
          break
        }
        case 'submitted':
          action = rng.chance(0.08) ? 'decline' : 'accept'
          actAt = t + rng.int(3, rng.chance(0.93) ? 8 * 24 : 20 * 24) * HOUR
          break
        case 'accepted':
          action = 'reply'
          actAt =
            t + rng.int(24, (kind === 'tip_off' ? 18 : rng.chance(0.95) ? 50 : 80) * 24) * HOUR
          break
        default: {
          /* replied */
          const r = rng.next()
          action =
            r < 0.45
              ? 'accept_result'
              : r < 0.49 && !reviewRequested && bureauAbove(handler)
                ? 'review'
                : 'silent'
          actAt = action === 'silent' ? Infinity : t + rng.int(2, 8 * 24) * HOUR
        }
      }
      const sweep = due ? sweepAfter(due) : Infinity
      const next = Math.min(actAt, sweep, withdrawAt)
      /* The reminder two working days before a handler's deadline, if the handler had not acted by then. */
      if (handlerPending && due && remindedFor !== due) {
        const d = await deadlinesFor(handler, kind, type)
        let remind = Date.parse(`${due}T00:10:00+08:00`)
        while (
          workingDaysBetween(beijingDate(remind - DAY), due) <= d.remindWorkingDaysBefore &&
          remind - DAY > t
        )
          remind -= DAY
        if (remind > t && remind < next && remind <= now) {
          remindedFor = due
          step('reminded', 'system', handlerName(), remind, null, due)
        }
      }
      if (next > now) break
      if (next === withdrawAt) {
        status = 'withdrawn'
        outcome = 'withdrawn'
        closedAt = withdrawAt
        due = null
        step('withdrawn', 'complainant', nameMasked, withdrawAt)
        break
      }
      if (next === sweep && sweep < actAt) {
        t = sweep
        if (status === 'responded' || status === 'replied') {
          status = 'closed'
          outcome = outcome === 'unresolved' ? 'unresolved' : 'resolved'
          closedAt = t
          due = null
          silentClose = true
          step('closed_silently', 'system', handlerName(), t)
          continue
        }
        /* The sweep moves the case up one level and the "timely" flag is gone for good. */
        const from = handlerName()
        const missedBy = status === 'with_institution' ? 'institution' : 'bureau'
        timely = false
        escalations++
        if (status === 'with_institution') {
          stage = 'bureau'
          status = 'submitted'
        } else {
          const above = bureauAbove(handler)
          if (above) handler = above
        }
        due = await dueIn(status === 'accepted' ? 'conclude' : 'accept', t)
        step(
          missedBy === 'institution' ? 'institution_overdue' : 'bureau_overdue',
          'system',
          from,
          t
        )
        step('to_bureau', 'system', bureauName(handler), t, null, due)
        continue
      }
      t = actAt
      if (due && beijingDate(t) > due && handlerPending) timely = false
      switch (action) {
        case 'respond':
          status = 'responded'
          institutionResponse = rng.pick(INSTITUTION_ANSWERS)
          due = await dueIn('answer', t)
          step('institution_responded', 'institution', targetName, t, institutionResponse, due)
          break
        case 'escalate':
          stage = 'bureau'
          status = 'submitted'
          due = await dueIn('accept', t)
          step(
            'escalated_by_complainant',
            'complainant',
            nameMasked,
            t,
            rng.pick(['机构答复后仍未退款', '对机构的处理不满意', '机构一直未处理'])
          )
          step('to_bureau', 'system', bureauName(handler), t, null, due)
          break
        case 'accept_result':
          status = 'closed'
          outcome = outcome === 'unresolved' ? 'unresolved' : 'resolved'
          closedAt = t
          due = null
          step('result_accepted', 'complainant', nameMasked, t)
          break
        case 'decline':
          status = 'closed'
          outcome = 'not_accepted'
          reply = rng.pick(DECLINE_REASONS)
          closedAt = t
          due = null
          step('not_accepted', 'bureau', bureauName(handler), t, reply)
          break
        case 'accept':
          status = 'accepted'
          acceptedAt = t
          due = await dueIn('conclude', t)
          step('accepted', 'bureau', bureauName(handler), t, null, due)
          if (rng.chance(0.5)) {
            const noted = t + rng.int(1, 10 * 24) * HOUR
            if (noted <= now)
              step('investigating', 'bureau', bureauName(handler), noted, rng.pick(INVESTIGATIONS))
          }
          break
        case 'reply':
          status = 'replied'
          outcome = rng.chance(0.8) ? 'resolved' : 'unresolved'
          reply = rng.pick(BUREAU_REPLIES)
          due = await dueIn('answer', t)
          step(`replied_${outcome}`, 'bureau', bureauName(handler), t, reply, due)
          break
        case 'review': {
          reviewRequested = true
          handler = bureauAbove(handler)!
          status = 'accepted'
          outcome = null
          due = await dueIn('conclude', t)
          step('review_requested', 'complainant', nameMasked, t, '对处理结果不满意，申请复核')
          step('to_review', 'system', bureauName(handler), t, null, due)
          break
        }
      }
      if (
        status === 'closed' &&
        outcome === 'resolved' &&
        !silentClose &&
        !reopened &&
        rng.chance(0.02)
      ) {
        const reopenAt = t + rng.int(24, 10 * 24) * HOUR
        if (reopenAt <= now) {
          reopened = true
          stage = 'bureau'
          status = 'submitted'
          outcome = null
          closedAt = null
          t = reopenAt
          due = await dueIn('accept', t)
          step('reopened', 'complainant', nameMasked, t, '机构承诺的退费一直没有到账')
          step('to_bureau', 'system', bureauName(handler), t, null, due)
        }
      }
    }
    if (status === 'closed' && !silentClose && outcome !== 'not_accepted' && rng.chance(0.6)) {
      const ratedAt = closedAt! + rng.int(1, 48) * HOUR
      if (ratedAt <= now) {
        rating = Number(rng.weighted({ 5: 0.45, 4: 0.25, 3: 0.15, 2: 0.08, 1: 0.07 }))
        ratingComment =
          rating >= 4 && rng.chance(0.5)
            ? '处理及时，谢谢'
            : rating <= 2 && rng.chance(0.5)
              ? '问题没有真正解决'
              : null
        step(
          'rated',
          'complainant',
          nameMasked,
          ratedAt,
          `${'★'.repeat(rating)}${ratingComment ? ` ${ratingComment}` : ''}`
        )
      }
    }

    const handlerLineage = lineageOf(handler)
    const lastAt = Math.max(...steps.map((s) => s.at))
    complaintsByStatus[status] = (complaintsByStatus[status] ?? 0) + 1
    complaintRows.push([
      id,
      number,
      byParent && authorId ? 'parent' : 'public',
      authorId,
      person.name,
      nameMasked,
      person.phone,
      null,
      null,
      byParent && authorId
        ? null
        : trackingHash(number, randomBytes(5).toString('hex').toUpperCase()),
      targetType,
      type,
      kind,
      region,
      institution?.id ?? null,
      targetName,
      rng.pick(STORIES[type]),
      orderId,
      stage,
      status,
      handler,
      handlerLineage.provinceCode,
      handlerLineage.cityCode,
      handlerLineage.countyCode,
      lineage.provinceCode,
      lineage.cityCode,
      lineage.countyCode,
      due,
      remindedFor,
      timely,
      escalations,
      institutionResponse,
      reply,
      outcome,
      reviewRequested,
      reopened,
      rating,
      ratingComment,
      new Date(filedAt),
      new Date(lastAt),
      acceptedAt ? new Date(acceptedAt) : null,
      closedAt ? new Date(closedAt) : null,
    ])
    for (const s of steps.sort((a, b) => a.at - b.at))
      stepRows.push([
        id,
        s.action,
        s.actor,
        null,
        s.unit.slice(0, 128),
        s.note,
        s.due,
        new Date(s.at),
      ])
  }

  /* Names and phones are sealed in the workers, all at once (columns 4 and 6–8 held the plain values until now). */
  const [names, phones] = await Promise.all([
    session.seal(
      'text',
      complaintRows.map((r) => r[4] as string)
    ),
    session.seal(
      'phone',
      complaintRows.map((r) => r[6] as string)
    ),
  ])
  complaintRows.forEach((row, i) =>
    row.splice(
      4,
      5,
      names.ciphers[i],
      row[5],
      phones.ciphers[i],
      phones.indexes[i],
      phones.masked[i]
    )
  )

  await session.withoutIndexes(['complaints', 'complaint_steps', 'reviews'], async () => {
    counts.complaints = await session.copy('complaints', COMPLAINT_COLUMNS, complaintRows)
    counts.complaint_steps = await session.copy('complaint_steps', STEP_COLUMNS, stepRows)

    /* Reviews: one per order with a class taken, for 15% of them; a third answered by the institution, a few hidden by a bureau. */
    const bodies = (r: number) => `(ARRAY[${REVIEW_BODIES[r]!.map((b) => `'${b}'`).join(', ')}])`
    const salt = (k: number) => (plan.seed % 1000) * 10 + k
    counts.reviews = await session.exec(`
      INSERT INTO reviews (order_id, author_user_id, author_masked, institution_id, course_id, province_code, city_code, county_code, rating, body, reply, replied_at, hidden_at, hidden_reason, created_at)
      SELECT o.id, o.parent_user_id,
             CASE WHEN char_length(p.display_name) <= 1 THEN '*' WHEN char_length(p.display_name) = 2 THEN left(p.display_name, 1) || '*'
                  ELSE left(p.display_name, 1) || repeat('*', char_length(p.display_name) - 2) || right(p.display_name, 1) END,
             o.institution_id, o.course_id, o.province_code, o.city_code, o.county_code, s.rating,
             CASE s.rating WHEN 5 THEN ${bodies(5)}[1 + floor(s.r * 3)::int] WHEN 4 THEN ${bodies(4)}[1 + floor(s.r * 3)::int] WHEN 3 THEN ${bodies(3)}[1 + floor(s.r * 2)::int]
                           WHEN 2 THEN ${bodies(2)}[1 + floor(s.r * 2)::int] ELSE ${bodies(1)}[1 + floor(s.r * 2)::int] END,
             CASE WHEN s.r < 0.33 THEN (ARRAY[${INSTITUTION_REPLIES.map((b) => `'${b}'`).join(', ')}])[1 + floor(s.r * 9)::int] END,
             CASE WHEN s.r < 0.33 THEN least(s.at + interval '1 day', '${plan.now}'::timestamptz) END,
             CASE WHEN s.r > 0.995 THEN least(s.at + interval '2 days', '${plan.now}'::timestamptz) END,
             CASE WHEN s.r > 0.995 THEN '含有与课程无关的广告内容' END,
             s.at
        FROM orders o
        JOIN users p ON p.id = o.parent_user_id
        CROSS JOIN LATERAL (SELECT ${u('o.id', salt(1))} AS r,
                                   CASE WHEN ${u('o.id', salt(2))} < 0.5 THEN 5 WHEN ${u('o.id', salt(2))} < 0.75 THEN 4 WHEN ${u('o.id', salt(2))} < 0.87 THEN 3 WHEN ${u('o.id', salt(2))} < 0.94 THEN 2 ELSE 1 END AS rating,
                                   least(o.updated_at + interval '1 hour' * (1 + 72 * ${u('o.id', salt(3))}), '${plan.now}'::timestamptz - interval '1 minute') AS at) s
       WHERE o.classes_consumed > 0 AND ${u('o.id', salt(4))} < 0.15`)
  })
  await session.syncSequence('complaints')
  return { counts, complaintsByStatus }
}

/** Empties this module's tables (`bench:seed --force`). */
export async function wipeComplaints(session: BulkSession) {
  await session.exec(
    'TRUNCATE complaints, complaint_steps, complaint_attachments, reviews RESTART IDENTITY CASCADE'
  )
}
