import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { type CurrentUser, applyRegionScope, regionTree } from '#modules/identity'
import ChangeRequest from '../models/change_request.js'
import Finding from '../models/finding.js'
import Institution from '../models/institution.js'
import { reviewScope } from '../services/authority.js'

const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`

/** Filings waiting for this bureau: offline ones of its county, online ones of its province. */
export async function reviewQueue(user: CurrentUser, page: number) {
  const scope = reviewScope(user)
  const query = Institution.query().where('filingStatus', 'submitted')
  if (!scope) query.whereRaw('false')
  else
    query
      .where('delivery', scope.delivery)
      .where(scope.column === 'region_code' ? 'regionCode' : 'provinceCode', scope.value)
  return query.orderBy('updatedAt', 'asc').orderBy('id', 'asc').paginate(page, 20)
}

export interface InstitutionFilters {
  q?: string
  list?: string
  filing?: string
  region?: string | null
  removed?: boolean
  page?: number
}

/** Institutions in the bureau's region, with filters. */
export async function listInstitutions(user: CurrentUser, filters: InstitutionFilters) {
  const query = Institution.query()
  applyRegionScope(query, user.regionCode)
  if (filters.region && regionTree.isWithin(filters.region, user.regionCode ?? ''))
    applyRegionScope(query, filters.region)
  if (filters.q) query.whereILike('name', likeOf(filters.q))
  if (filters.list) query.where('listStatus', filters.list)
  if (filters.filing) query.where('filingStatus', filters.filing)
  if (filters.removed) query.whereNotNull('removedAt')
  else query.whereNull('removedAt')
  return query
    .orderBy('updatedAt', 'desc')
    .orderBy('id', 'desc')
    .paginate(filters.page ?? 1, 20)
}

/** Change requests for institutions this bureau is responsible for. */
export async function pendingChanges(user: CurrentUser) {
  const scope = reviewScope(user)
  if (!scope) return []
  const requests = await ChangeRequest.query()
    .where('status', 'pending')
    .whereIn('institutionId', (q) => {
      q.from('institutions')
        .select('id')
        .where('delivery', scope.delivery)
        .where(scope.column, scope.value)
    })
    .orderBy('id', 'asc')
  const institutions = await Institution.query().whereIn(
    'id',
    requests.map((r) => r.institutionId)
  )
  const byId = new Map(institutions.map((i) => [i.id, i]))
  return requests.map((request) => ({ request, institution: byId.get(request.institutionId)! }))
}

export interface LedgerFilters {
  status?: 'open' | 'reported' | 'closed' | 'overdue'
  page?: number
}

/** The rectification ledger of a region: findings with their state, overdue ones first. */
export async function ledger(user: CurrentUser, filters: LedgerFilters) {
  const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!
  const query = Finding.query()
  applyRegionScope(query, user.regionCode)
  if (filters.status === 'overdue')
    query.whereIn('status', ['open', 'reported']).where('deadline', '<', today)
  else if (filters.status) query.where('status', filters.status)
  const findings = await query
    .orderByRaw(
      `CASE WHEN status <> 'closed' AND deadline < ? THEN 0 WHEN status = 'closed' THEN 2 ELSE 1 END`,
      [today]
    )
    .orderBy('deadline', 'asc')
    .orderBy('id', 'asc')
    .paginate(filters.page ?? 1, 30)
  const institutions = await Institution.query().whereIn(
    'id',
    findings.all().map((f) => f.institutionId)
  )
  return { findings, institutions: new Map(institutions.map((i) => [i.id, i])), today }
}

export interface LedgerCount {
  regionCode: string
  regionName: string
  open: number
  reported: number
  overdue: number
  closed: number
}

/** Counts by status for each region one level below the bureau (or its own, at the bottom). */
export async function ledgerCounts(user: CurrentUser): Promise<LedgerCount[]> {
  const own = regionTree.get(user.regionCode ?? '')
  if (!own) return []
  const [firstChild] = regionTree.children(own.code)
  const column = !firstChild
    ? null
    : firstChild.level === 1
      ? 'province_code'
      : firstChild.level === 2
        ? 'city_code'
        : 'county_code'
  const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!
  const query = db
    .from('inspection_findings')
    .select(db.raw(`${column ?? `'${own.code}'`} AS code`))
    .select(db.raw(`count(*) FILTER (WHERE status = 'open') AS open`))
    .select(db.raw(`count(*) FILTER (WHERE status = 'reported') AS reported`))
    .select(
      db.raw(`count(*) FILTER (WHERE status <> 'closed' AND deadline < ?) AS overdue`, [today])
    )
    .select(db.raw(`count(*) FILTER (WHERE status = 'closed') AS closed`))
  applyRegionScope(query, own.code)
  if (column) query.groupBy(column)
  const rows = await query
  return rows
    .filter((r: any) => r.code)
    .map((r: any) => ({
      regionCode: r.code,
      regionName: regionTree.get(r.code)?.name ?? r.code,
      open: Number(r.open),
      reported: Number(r.reported),
      overdue: Number(r.overdue),
      closed: Number(r.closed),
    }))
    .sort((a: LedgerCount, b: LedgerCount) => a.regionCode.localeCompare(b.regionCode))
}
