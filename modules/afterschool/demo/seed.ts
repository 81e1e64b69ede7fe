/*
| Demo data for after-school services (`npm run demo`): 朝阳区's county
| bureau calls for non-academic providers for its primary schools; the
| district's white-listed institutions whose filings and teachers meet the
| criteria apply, each with one project; the platform compares them, the
| list is published after the close and ranked by credit; 解放大路小学
| (the demo school operator's) chooses two providers and records their
| agreements for the current term. Everything goes through the module's
| actions; only the call's dates are moved (its own row) so that it can
| close before it is published. Runs after the credit demo (grades).
*/
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'
import { type CurrentUser, CurrentUserProvider } from '#modules/identity'
import { creditSubjects, registryAfterschoolFacts } from '#modules/registry'
import { openSchoolsIn, schoolOfOperator } from '#modules/students'
import { ApplyToCall, type OfferInput } from '../calls/actions/apply_to_call.js'
import { OpenCall } from '../calls/actions/open_call.js'
import { PublishCall } from '../calls/actions/publish_call.js'
import AfterschoolApplication from '../calls/models/afterschool_application.js'
import AfterschoolCall from '../calls/models/afterschool_call.js'
import { ChooseProvider } from '../choices/actions/choose_provider.js'
import { RecordAgreement } from '../choices/actions/record_agreement.js'

const COUNTY = '220104'
const CATEGORY_ORDER = ['arts', 'sports', 'science_tech', 'other'] as const
/* The project an institution would offer, from the trade its name announces (the registry demo's words). */
const PROJECT_OF_WORD: [word: string, category: string, project: string][] = [
  ['国际象棋', 'other', '国际象棋入门'],
  ['科学实验', 'science_tech', '趣味科学实验'],
  ['机器人', 'science_tech', '机器人搭建'],
  ['编程', 'science_tech', '图形化编程'],
  ['航模', 'science_tech', '航模制作'],
  ['科技', 'science_tech', '科技小发明'],
  ['钢琴', 'arts', '钢琴启蒙与合唱'],
  ['声乐', 'arts', '少儿合唱'],
  ['音乐', 'arts', '少儿音乐'],
  ['舞蹈', 'arts', '少儿舞蹈'],
  ['书法', 'arts', '硬笔与软笔书法'],
  ['美术', 'arts', '少儿美术'],
  ['艺术', 'arts', '少儿艺术素养'],
  ['篮球', 'sports', '校园篮球'],
  ['足球', 'sports', '校园足球'],
  ['乒乓球', 'sports', '校园乒乓球'],
  ['跆拳道', 'sports', '少儿跆拳道'],
  ['轮滑', 'sports', '趣味轮滑'],
  ['游泳', 'sports', '体能与游泳安全'],
  ['体育', 'sports', '趣味体能'],
  ['围棋', 'other', '围棋启蒙'],
  ['口才', 'other', '少儿口才'],
]
const PRICE_YUAN: Record<string, string> = {
  arts: '45',
  sports: '40',
  science_tech: '55',
  other: '35',
}

function projectFor(name: string, categories: string[]) {
  const hit = PROJECT_OF_WORD.find(
    ([word, category]) => name.includes(word) && categories.includes(category)
  )
  if (!hit) return null
  const [, category, project] = hit
  return {
    name: project,
    category,
    grades:
      category === 'science_tech' ? ['p3', 'p4', 'p5', 'p6'] : ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'],
    priceYuan: PRICE_YUAN[category]!,
  }
}

/* A form's date: that calendar day at the server's midnight, as the validators hand it over. */
const formDate = (d: DateTime) => new Date(`${d.toISODate()}T00:00:00`)

const user = async (id: number) =>
  (await new CurrentUserProvider().findById(id))?.getOriginal() as CurrentUser | undefined

/** The term a school would be signing for today: spring (March–July) or autumn (September–January). */
function currentTerm(today: DateTime) {
  const y = today.year
  if (today.month >= 2 && today.month <= 7)
    return { starts: DateTime.fromISO(`${y}-03-01`), ends: DateTime.fromISO(`${y}-07-10`) }
  const first = today.month === 1 ? y - 1 : y
  return {
    starts: DateTime.fromISO(`${first}-09-01`),
    ends: DateTime.fromISO(`${first + 1}-01-20`),
  }
}

export async function seedAfterschoolDemo(accounts: {
  countyAdminId?: number
  schoolOperatorId?: number
  institutionOwnerId?: number
}): Promise<{ applied: number; listed: number; chosen: number }> {
  if (app.inProduction) throw new Error('Demo data is never created in production')
  const none = { applied: 0, listed: 0, chosen: 0 }
  if (await AfterschoolCall.query().first()) return none
  const county = accounts.countyAdminId ? await user(accounts.countyAdminId) : undefined
  if (!county) return none
  const schools = (await openSchoolsIn(COUNTY)).filter((s) => s.stages.includes('primary'))
  const today = DateTime.now().setZone(ZONE).startOf('day')
  const schoolYear = today.month >= 9 ? today.year : today.year - 1
  const call = await new OpenCall().handle(county, {
    title: `${schoolYear}学年朝阳区小学课后服务非学科类机构征集`,
    schoolYear,
    categories: [...CATEGORY_ORDER],
    schoolIds: schools.map((s) => s.id),
    maxPriceYuan: '60',
    opensOn: formDate(today.minus({ days: 20 })),
    closesOn: formDate(today),
  })

  /* The district's institutions that could pass: white-listed, a valid licence, certified teachers. */
  const subjects = (await creditSubjects(0, 100_000)).filter(
    (s) => s.regionCode === COUNTY && s.delivery === 'offline'
  )
  const facts = await registryAfterschoolFacts(
    subjects.map((s) => s.id),
    2
  )
  const ownerOrg = await ownerOrgOf(accounts.institutionOwnerId)
  let applied = 0
  for (const f of facts.values()) {
    const project = projectFor(f.name, f.categories)
    const teachers = f.teachers.filter((t) => t.admitted && t.certified).slice(0, 2)
    if (!project || f.listStatus !== 'white' || !f.licenceValid || !teachers.length) continue
    const owner = f.institutionId === ownerOrg
    /* The demo has one institution owner account; the others apply through the action on their own behalf. */
    const actor = owner
      ? (await user(accounts.institutionOwnerId!))!
      : ({
          id: 0,
          role: 'institution_owner',
          orgType: 'institution',
          orgId: f.institutionId,
          displayName: '演示数据（代机构申报）',
          unitName: f.name,
        } as unknown as CurrentUser)
    const offer: OfferInput = { ...project, classSize: 30, teacherIds: teachers.map((t) => t.id) }
    await new ApplyToCall().handle(actor, call.id, [offer])
    applied++
  }
  /* The call closes yesterday (its own row), so the county can publish today. */
  await db
    .from('afterschool_calls')
    .where('id', call.id)
    .update({ closes_on: today.minus({ days: 1 }).toISODate() })
  const eligible = await AfterschoolApplication.query().where({ callId: call.id, eligible: true })
  if (!eligible.length) return { applied, listed: 0, chosen: 0 }
  const { listed } = await new PublishCall().handle(county, call.id)

  /* 解放大路小学 chooses the first two on the list and records their agreements for this term. */
  const operator = accounts.schoolOperatorId ? await user(accounts.schoolOperatorId) : undefined
  const school = operator ? await schoolOfOperator(operator) : null
  if (!operator || !school || !call.schoolIds.includes(school.id))
    return { applied, listed, chosen: 0 }
  const top = await AfterschoolApplication.query()
    .where('callId', call.id)
    .whereNotNull('rank')
    .orderBy('rank')
    .limit(2)
  const term = currentTerm(today)
  let chosen = 0
  for (const [i, entry] of top.entries()) {
    const offer = entry.offers[0]!
    const grades = offer.grades.filter((g) => ['p3', 'p4'].includes(g))
    await new ChooseProvider().handle(operator, school, entry.id, {
      offerIndex: 0,
      weekday: i === 0 ? 2 : 4,
      startsAt: '15:40',
      endsAt: '17:10',
      grades: grades.length ? grades : offer.grades.slice(0, 1),
      capacity: Math.min(25, offer.classSize),
    })
    const signed = DateTime.min(today, term.starts.setZone(ZONE).minus({ days: 7 }))
    await new RecordAgreement().handle(operator, school, entry.id, {
      offerIndex: 0,
      number: `朝解小课服〔${term.starts.year}〕${String(i + 1).padStart(2, '0')}号`,
      signedOn: formDate(signed),
      termStartsOn: formDate(term.starts),
      termEndsOn: formDate(term.ends),
      notes: '每周一次，放学后在本校活动室上课。',
    })
    chosen++
  }
  return { applied, listed, chosen }
}

async function ownerOrgOf(ownerId: number | undefined) {
  return ownerId ? ((await user(ownerId))?.orgId ?? null) : null
}
