/*
| A mixed data set for the statistics tests, and the figures it should
| produce, counted directly from the source tables with their own lineage
| columns (independently of how the rollups are built).
*/
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { lineageOf, regionTree } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, createStaffMember, residentId } from '#testing/registry'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { fundsRecordsFor } from '#testing/funds'

const now = () => new Date()
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000)

export interface InstitutionSpec {
  region: string
  delivery?: 'offline' | 'online'
  categories: string[]
  list: 'none' | 'white' | 'grey' | 'black'
  filing?: 'submitted' | 'approved'
  removed?: boolean
  funds?: boolean
  balanceFen?: number
  /** Findings to record: open (deadline ahead), overdue (open, deadline passed), reported, closed. */
  findings?: ('open' | 'overdue' | 'reported' | 'closed')[]
}

export interface WorldInstitution {
  id: number
  region: string
  courseId: number
  orderId: number
}

export const SPECS: InstitutionSpec[] = [
  {
    region: '220104',
    categories: ['arts'],
    list: 'white',
    funds: true,
    balanceFen: 1_234_56,
    findings: ['closed'],
  },
  {
    region: '220104',
    categories: ['academic', 'sports'],
    list: 'grey',
    funds: true,
    findings: ['open', 'overdue', 'reported'],
  },
  { region: '220104', categories: ['science_tech'], list: 'black', removed: true },
  {
    region: '220102',
    categories: ['arts', 'other'],
    list: 'white',
    filing: 'submitted',
    funds: true,
    balanceFen: 98_765_43,
  },
  { region: '220204', categories: ['sports'], list: 'none', findings: ['overdue'] },
  {
    region: '220000',
    delivery: 'online',
    categories: ['academic'],
    list: 'white',
    funds: true,
    findings: ['open'],
  },
  {
    region: '130102',
    categories: ['arts'],
    list: 'grey',
    funds: true,
    findings: ['closed', 'open'],
  },
]

async function insert(table: string, row: Record<string, unknown>): Promise<number> {
  return (await db.table(table).insert(row).returning('id'))[0].id as number
}

export async function createInstitution(
  spec: InstitutionSpec,
  parentId: number
): Promise<WorldInstitution> {
  const institution = await createFiledInstitution({
    regionCode: spec.region,
    delivery: spec.delivery,
    categories: spec.categories,
  })
  await db
    .from('institutions')
    .where('id', institution.id)
    .update({
      list_status: spec.list,
      filing_status: spec.filing ?? 'approved',
      removed_at: spec.removed ? now() : null,
    })
  const teacher = await createStaffMember(
    institution.id,
    '王老师',
    residentId(Math.floor(Math.random() * 900) + 100)
  )
  const course = await createCourse(
    institution.id,
    courseDraft({ teacherIds: [teacher.id] }),
    'on_sale'
  )
  let orderId = 0
  if (spec.funds) {
    const contractId = await signedContractFixture(course.id, parentId)
    orderId = (await fundsRecordsFor(contractId)).orderId
    if (spec.balanceFen)
      await db
        .from('supervised_accounts')
        .where('institution_id', institution.id)
        .update({ reported_balance_fen: spec.balanceFen, reported_at: now() })
  }
  const lineage = {
    province_code: institution.provinceCode,
    city_code: institution.cityCode,
    county_code: institution.countyCode,
  }
  if (spec.findings?.length) {
    const inspectionId = await insert('inspections', {
      institution_id: institution.id,
      ...lineage,
      planned_on: now(),
      purpose: '统计测试',
      status: 'recorded',
      recorded_at: now(),
      created_at: now(),
    })
    for (const state of spec.findings) {
      await insert('inspection_findings', {
        inspection_id: inspectionId,
        institution_id: institution.id,
        ...lineage,
        item: 'fees',
        severity: 'minor',
        description: '统计测试',
        status: state === 'overdue' ? 'open' : state,
        deadline: state === 'overdue' ? daysFromNow(-3) : daysFromNow(10),
        created_at: now(),
        updated_at: now(),
      })
    }
  }
  /* Every institution also has an inspection only planned. */
  await insert('inspections', {
    institution_id: institution.id,
    ...lineage,
    planned_on: daysFromNow(5),
    purpose: '计划检查',
    status: 'planned',
    created_at: now(),
  })
  return { id: institution.id, region: spec.region, courseId: course.id, orderId }
}

export interface ComplaintSpec {
  region: string
  institutionId?: number | null
  type: 'unlicensed' | 'enrolment' | 'refund' | 'service' | 'safety' | 'other'
  status: 'with_institution' | 'submitted' | 'accepted' | 'replied' | 'closed' | 'withdrawn'
  overdue?: boolean
  timely?: boolean
  rating?: number
}

export async function insertComplaint(spec: ComplaintSpec): Promise<number> {
  const lineage = lineageOf(spec.region)
  return insert('complaints', {
    number: `TS${randomUUID().slice(0, 12)}`,
    channel: 'public',
    name_cipher: 'x',
    name_masked: '张*',
    phone_cipher: 'x',
    phone_index: `idx-${randomUUID()}`,
    phone_masked: '139****0000',
    target_type: spec.institutionId ? 'institution' : 'other',
    complaint_type: spec.type,
    kind: 'complaint',
    target_region_code: spec.region,
    institution_id: spec.institutionId ?? null,
    target_name: '统计测试对象',
    content: '统计测试投诉内容',
    stage: spec.status === 'with_institution' ? 'institution' : 'bureau',
    status: spec.status,
    handler_region_code: spec.region,
    handler_province_code: lineage.provinceCode,
    handler_city_code: lineage.cityCode,
    handler_county_code: lineage.countyCode,
    province_code: lineage.provinceCode,
    city_code: lineage.cityCode,
    county_code: lineage.countyCode,
    due_on: spec.overdue ? daysFromNow(-2) : daysFromNow(5),
    timely: spec.timely ?? true,
    rating: spec.rating ?? null,
    created_at: now(),
    updated_at: now(),
    closed_at: spec.status === 'closed' ? now() : null,
  })
}

let reviewOrder = 9_000_000
export async function insertReview(institution: WorldInstitution, rating: number, hidden = false) {
  const lineage = lineageOf(institution.region)
  reviewOrder += 1
  return insert('reviews', {
    order_id: reviewOrder,
    author_user_id: 1,
    author_masked: '李*',
    institution_id: institution.id,
    course_id: institution.courseId,
    province_code: lineage.provinceCode,
    city_code: lineage.cityCode,
    county_code: lineage.countyCode,
    rating,
    body: '统计测试评价',
    hidden_at: hidden ? now() : null,
    created_at: now(),
  })
}

/** The whole mixed data set: institutions in four counties of two provinces and one online, complaints and reviews. */
export async function mixedWorld() {
  const parent = await createTestAccount({ role: 'parent', regionCode: '220104' })
  const institutions: WorldInstitution[] = []
  for (const spec of SPECS) institutions.push(await createInstitution(spec, parent.id))
  const [a, b, , d, e, online, hebei] = institutions
  if (!a || !b || !d || !e || !online || !hebei) throw new Error('SPECS make seven institutions')
  await insertComplaint({
    region: '220104',
    institutionId: a.id,
    type: 'refund',
    status: 'closed',
    timely: true,
    rating: 5,
  })
  await insertComplaint({
    region: '220104',
    institutionId: a.id,
    type: 'service',
    status: 'closed',
    timely: false,
    rating: 2,
  })
  await insertComplaint({
    region: '220104',
    institutionId: b.id,
    type: 'refund',
    status: 'accepted',
    overdue: true,
  })
  await insertComplaint({
    region: '220104',
    institutionId: null,
    type: 'unlicensed',
    status: 'submitted',
  })
  await insertComplaint({
    region: '220102',
    institutionId: d.id,
    type: 'enrolment',
    status: 'with_institution',
  })
  await insertComplaint({
    region: '220204',
    institutionId: e.id,
    type: 'safety',
    status: 'withdrawn',
  })
  await insertComplaint({
    region: '220000',
    institutionId: online.id,
    type: 'service',
    status: 'closed',
    timely: true,
    rating: 4,
  })
  await insertComplaint({
    region: '130102',
    institutionId: hebei.id,
    type: 'other',
    status: 'submitted',
    overdue: true,
  })
  await insertReview(a, 5)
  await insertReview(a, 3)
  await insertReview(b, 1, true)
  await insertReview(d, 4)
  await insertReview(online, 2)
  await insertReview(hebei, 5)
  return { institutions, parent }
}

/* ---------- expected figures, straight from the sources ---------- */

export type Scope = { region: string } | { institutionId: number }

function where(scope: Scope, alias: string, idColumn = 'institution_id'): string {
  if ('institutionId' in scope) return `${alias}.${idColumn} = ${Number(scope.institutionId)}`
  const region = regionTree.get(scope.region)!
  if (region.level === 0) return 'true'
  const column =
    region.level === 1 ? 'province_code' : region.level === 2 ? 'city_code' : 'county_code'
  return `${alias}.${column} = '${region.code}'`
}

async function one(sql: string): Promise<number> {
  const result = await db.rawQuery(sql)
  return Number(result.rows[0].v ?? 0)
}

/** Every metric the dashboards show, counted from the source records. */
export async function expectedFigures(scope: Scope): Promise<Record<string, number>> {
  const i = where(scope, 'i', 'id')
  const x = where(scope, 'x')
  const f = where(scope, 'f')
  const o = where(scope, 'o')
  const a = where(scope, 'a')
  const n = where(scope, 'n')
  const c = where(scope, 'c')
  const r = where(scope, 'r')
  const today = `(now() AT TIME ZONE 'Asia/Shanghai')::date`
  const paid = `o.status NOT IN ('awaiting_payment', 'cancelled')`
  const figures: Record<string, string> = {
    'institutions': `SELECT count(*) v FROM institutions i WHERE i.removed_at IS NULL AND ${i}`,
    'institutions.removed': `SELECT count(*) v FROM institutions i WHERE i.removed_at IS NOT NULL AND ${i}`,
    'filings.pending': `SELECT count(*) v FROM institutions i WHERE i.removed_at IS NULL AND i.filing_status = 'submitted' AND ${i}`,
    'filings.approved': `SELECT count(*) v FROM institutions i WHERE i.removed_at IS NULL AND i.filing_status = 'approved' AND ${i}`,
    'inspections': `SELECT count(*) v FROM inspections x WHERE ${x}`,
    'inspections.recorded': `SELECT count(*) v FROM inspections x WHERE x.status = 'recorded' AND ${x}`,
    'rectifications.open': `SELECT count(*) v FROM inspection_findings f WHERE f.status = 'open' AND ${f}`,
    'rectifications.reported': `SELECT count(*) v FROM inspection_findings f WHERE f.status = 'reported' AND ${f}`,
    'rectifications.overdue': `SELECT count(*) v FROM inspection_findings f WHERE f.status <> 'closed' AND f.deadline < ${today} AND ${f}`,
    'rectifications.closed': `SELECT count(*) v FROM inspection_findings f WHERE f.status = 'closed' AND ${f}`,
    'orders': `SELECT count(*) v FROM orders o WHERE ${paid} AND ${o}`,
    'fees.collected': `SELECT sum(o.paid_fen) v FROM orders o WHERE ${paid} AND ${o}`,
    'fees.held': `SELECT sum(o.paid_fen - o.released_fen - o.refunding_fen - o.refunded_fen) v FROM orders o WHERE o.mode = 'prepaid' AND ${paid} AND ${o}`,
    'fees.released': `SELECT sum(CASE WHEN o.mode = 'prepaid' THEN o.released_fen ELSE o.paid_fen END) v FROM orders o WHERE ${paid} AND ${o}`,
    'fees.refunding': `SELECT sum(o.refunding_fen) v FROM orders o WHERE ${paid} AND ${o}`,
    'fees.refunded': `SELECT sum(o.refunded_fen) v FROM orders o WHERE ${paid} AND ${o}`,
    'classes.consumed': `SELECT sum(o.classes_consumed) v FROM orders o WHERE ${paid} AND ${o}`,
    'refunds': `SELECT count(*) v FROM refunds x JOIN orders o ON o.id = x.order_id WHERE x.status = 'refunded' AND ${o}`,
    'refunds.pending': `SELECT count(*) v FROM refunds x JOIN orders o ON o.id = x.order_id WHERE x.status IN ('requested', 'approved', 'refunding') AND ${o}`,
    'balance.reported': `SELECT sum(a.reported_balance_fen) v FROM supervised_accounts a WHERE ${a}`,
    'anomalies': `SELECT count(*) v FROM fund_anomalies n WHERE ${n}`,
    'anomalies.open': `SELECT count(*) v FROM fund_anomalies n WHERE n.status = 'open' AND ${n}`,
    'complaints': `SELECT count(*) v FROM complaints c WHERE ${c}`,
    'complaints.open': `SELECT count(*) v FROM complaints c WHERE c.status NOT IN ('closed', 'withdrawn') AND ${c}`,
    'complaints.overdue': `SELECT count(*) v FROM complaints c WHERE c.status IN ('with_institution', 'submitted', 'accepted') AND c.due_on < ${today} AND ${c}`,
    'complaints.closed': `SELECT count(*) v FROM complaints c WHERE c.status = 'closed' AND ${c}`,
    'complaints.timely': `SELECT count(*) v FROM complaints c WHERE c.status = 'closed' AND c.timely AND ${c}`,
    'complaints.rated': `SELECT count(*) v FROM complaints c WHERE c.rating IS NOT NULL AND ${c}`,
    'complaints.rating_sum': `SELECT sum(c.rating) v FROM complaints c WHERE ${c}`,
    'complaints.satisfied': `SELECT count(*) v FROM complaints c WHERE c.rating >= 4 AND ${c}`,
    'reviews': `SELECT count(*) v FROM reviews r WHERE r.hidden_at IS NULL AND ${r}`,
    'reviews.rating_sum': `SELECT sum(r.rating) v FROM reviews r WHERE r.hidden_at IS NULL AND ${r}`,
  }
  for (const status of ['none', 'white', 'grey', 'black'])
    figures[`list.${status}`] =
      `SELECT count(*) v FROM institutions i WHERE i.removed_at IS NULL AND i.list_status = '${status}' AND ${i}`
  for (const category of ['academic', 'sports', 'arts', 'science_tech', 'other'])
    figures[`category.${category}`] =
      `SELECT count(*) v FROM institutions i WHERE i.removed_at IS NULL AND '${category}' = ANY(i.categories) AND ${i}`
  for (const type of ['unlicensed', 'enrolment', 'refund', 'service', 'safety', 'other'])
    figures[`complaints.type.${type}`] =
      `SELECT count(*) v FROM complaints c WHERE c.complaint_type = '${type}' AND ${c}`
  const out: Record<string, number> = {}
  for (const [metric, sql] of Object.entries(figures)) {
    const value = await one(sql)
    if (value !== 0) out[metric] = value
  }
  return out
}

/** Non-zero figures only, so "absent" and "0" compare equal. */
export function nonZero(metrics: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(metrics)
      .filter(([, v]) => v !== 0)
      .sort(([k1], [k2]) => k1.localeCompare(k2))
  )
}

export const sorted = nonZero

/* ---------- reading figures off a page ---------- */

/** `data-metric` → `data-value` of one row (`total` for the foot) of a section's table on the dashboard. */
export function pageRow(html: string, table: string, row: string): Record<string, number> {
  const start = html.indexOf(`data-testid="table-${table}"`)
  if (start < 0) throw new Error(`no table ${table}`)
  const body = html.slice(start, html.indexOf('</table>', start))
  const at = body.indexOf(`data-row="${row}"`)
  if (at < 0) throw new Error(`no row ${row} in table ${table}`)
  const tr = body.slice(at, body.indexOf('</tr>', at))
  return valuesIn(tr)
}

export function valuesIn(fragment: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const match of fragment.matchAll(/data-metric="([^"]+)" data-value="([^"]*)"/g))
    if (match[2] !== '') out[match[1]!] = Number(match[2])
  return out
}

/** Lets a test read a binary download (the client only buffers text by default). */
export function binary(request: { request: any }) {
  request.request
    .buffer(true)
    .parse((res: any, done: (error: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done(null, Buffer.concat(chunks)))
    })
}
