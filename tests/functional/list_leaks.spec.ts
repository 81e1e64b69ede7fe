import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { buildWorldForGroup, type ActorName, type Side, type World } from './authorization/world.js'
import { isolated, send } from './authorization/outcomes.js'

/*
| A list that answers 200 may still show what is not the viewer's. Each
| list page is read by the viewers of side A, of side B, of both (the city
| and above) and of neither (another province): it must show the viewer's
| own side's row — so the page really lists something — and never the
| other side's (their distinctive names and numbers, authorization/world.ts).
*/
type Audience = 'bureau' | 'managers' | 'institution' | 'parent' | 'bank'

const VIEWERS: Record<
  Audience,
  { a: ActorName[]; b: ActorName[]; both: ActorName[]; neither: ActorName[] }
> = {
  bureau: {
    a: ['county_in_scope', 'subunit'],
    b: ['county_other'],
    both: ['city_in_scope', 'province_in_scope', 'ministry'],
    neither: ['province_other'],
  },
  managers: {
    a: ['county_in_scope'],
    b: ['county_other'],
    both: ['city_in_scope', 'province_in_scope', 'ministry'],
    neither: ['province_other'],
  },
  institution: {
    a: ['institution_owner', 'institution_staff'],
    b: ['institution_owner_other', 'institution_staff_other'],
    both: [],
    neither: [],
  },
  parent: { a: ['parent'], b: ['parent_other'], both: [], neither: [] },
  bank: { a: ['bank_operator'], b: ['bank_other'], both: [], neither: [] },
}

interface List {
  path: string
  audience: Audience
  /** What identifies a side's row on this page. */
  marker: (side: Side) => string
  prepare?: (w: World) => Promise<unknown>
  /** A county's work queue, institution rows or the accounts it opened: only counties list them (others must still not leak). */
  countiesOnly?: boolean
}

const submitted = async (w: World) => {
  await db
    .from('institutions')
    .whereIn('id', [w.a.institutionId, w.b.institutionId])
    .update({ filing_status: 'submitted' })
  for (const side of [w.a, w.b])
    await db
      .table('filing_reviews')
      .insert({ institution_id: side.institutionId, snapshot: '{}', submitted_at: new Date() })
}

const LISTS: List[] = [
  {
    path: '/manage/accounts',
    audience: 'managers',
    countiesOnly: true,
    marker: (s) => `矩阵${s.region === '220104' ? '甲' : '乙'}方新开账号`,
  },
  { path: '/manage/institutions', audience: 'bureau', marker: (s) => s.institutionName },
  {
    path: '/manage/filings',
    audience: 'bureau',
    countiesOnly: true,
    marker: (s) => s.institutionName,
    prepare: submitted,
  },
  {
    path: '/manage/changes',
    audience: 'bureau',
    countiesOnly: true,
    marker: (s) => s.institutionName,
  },
  { path: '/manage/inspections', audience: 'bureau', marker: (s) => s.institutionName },
  { path: '/manage/courses', audience: 'bureau', marker: (s) => s.courseName },
  { path: '/manage/contracts', audience: 'bureau', marker: (s) => s.contractNumber },
  {
    path: '/manage/funds',
    audience: 'bureau',
    countiesOnly: true,
    marker: (s) => s.institutionName,
  },
  { path: '/manage/funds/anomalies', audience: 'bureau', marker: (s) => s.institutionName },
  { path: '/manage/complaints?tab=all', audience: 'bureau', marker: (s) => s.complaintNumber },
  { path: '/manage/reviews', audience: 'bureau', marker: (s) => s.reviewBody },
  { path: '/institution/courses', audience: 'institution', marker: (s) => s.courseName },
  { path: '/institution/contracts', audience: 'institution', marker: (s) => s.contractNumber },
  { path: '/institution/orders', audience: 'institution', marker: (s) => s.orderNumber },
  { path: '/institution/refunds', audience: 'institution', marker: (s) => s.refundNumber },
  { path: '/institution/staff', audience: 'institution', marker: (s) => s.staffName },
  {
    path: '/institution/complaints',
    audience: 'institution',
    marker: (s) => s.institutionComplaintNumber,
  },
  { path: '/institution/reviews', audience: 'institution', marker: (s) => s.reviewBody },
  { path: '/parent/contracts', audience: 'parent', marker: (s) => s.contractNumber },
  { path: '/parent/orders', audience: 'parent', marker: (s) => s.orderNumber },
  { path: '/parent/complaints', audience: 'parent', marker: (s) => s.parentComplaintNumber },
  { path: '/parent/reviews', audience: 'parent', marker: (s) => s.reviewBody },
  { path: '/bank/accounts', audience: 'bank', marker: (s) => s.accountNumber },
  { path: '/bank/instructions', audience: 'bank', marker: (s) => s.instructionNumber },
  { path: '/bank/anomalies', audience: 'bank', marker: (s) => s.institutionName },
  { path: '/bank/credentials', audience: 'bank', marker: (s) => s.bankName },
]

test.group('List pages show only the viewer’s region and own records', (group) => {
  let world: World
  group.setup(async () => {
    const built = await buildWorldForGroup()
    world = built.world
    return built.rollback
  })

  test('{path} shows its viewers their own rows and never the other side’s')
    .with(LISTS)
    .run(async ({ client, assert }, list) => {
      const problems: string[] = []
      const viewers = VIEWERS[list.audience]
      const read = async (actor: ActorName) =>
        isolated(async () => {
          await list.prepare?.(world)
          const response = await send(client, world.actors[actor], {
            method: 'GET',
            path: list.path,
          })
          if (response.status() !== 200) problems.push(`${actor}: status ${response.status()}`)
          return response.text()
        })
      const COUNTIES: ActorName[] = ['county_in_scope', 'county_other']
      const expect = (actor: ActorName, html: string, shown: Side[], hidden: Side[]) => {
        if (list.countiesOnly && !COUNTIES.includes(actor)) shown = []
        for (const side of shown)
          if (!html.includes(list.marker(side)))
            problems.push(`${actor}: does not show its own ${list.marker(side)}`)
        for (const side of hidden)
          if (html.includes(list.marker(side)))
            problems.push(`${actor}: LEAKS ${list.marker(side)}`)
      }
      for (const actor of viewers.a) expect(actor, await read(actor), [world.a], [world.b])
      for (const actor of viewers.b) expect(actor, await read(actor), [world.b], [world.a])
      for (const actor of viewers.both) expect(actor, await read(actor), [world.a, world.b], [])
      for (const actor of viewers.neither) expect(actor, await read(actor), [], [world.a, world.b])
      assert.deepEqual(problems, [], `${list.path}\n${problems.join('\n')}`)
    })
})
