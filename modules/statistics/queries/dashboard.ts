/*
| Dashboard reads. Only `stat_rollups` is read here — never the source
| tables — so a national page costs the same with ten institutions or a
| million: one region row plus its ~31 children, per metric.
*/
import db from '@adonisjs/lucid/services/db'
import { COUNTRY_CODE } from '#kernel/shared/region_code'
import { regionTree } from '#modules/identity'
import { institutionSummaries } from '#modules/registry'
import type { Metrics } from './dashboard_tables.js'

export interface FigureRow {
  /** The child region, or the region an institution row lives in. */
  regionCode: string
  /** 0 for region rows and for records tied to no filed institution. */
  institutionId: number
  kind: 'region' | 'direct' | 'institution'
  name: string
  /** Drill-down target (a child region) when there is one. */
  drill: string | null
  metrics: Metrics
}

export interface RegionFigures {
  scope: string
  name: string
  level: number
  total: Metrics
  /** Child regions, then a row for what lives at the region itself (online institutions of a province). */
  children: FigureRow[]
  refreshedAt: Date | null
}

function toNumber(value: unknown): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new RangeError(`rollup value is not a safe integer: ${value}`)
  return n
}

export function regionName(code: string): string {
  return code === COUNTRY_CODE ? '全国' : (regionTree.get(code)?.name ?? code)
}

/** The region's totals and its children's, from the rollups. */
export async function regionFigures(scope: string): Promise<RegionFigures> {
  const region = regionTree.get(scope)!
  const rows = await db
    .from('stat_rollups')
    .where((q) =>
      q
        .where('parent_code', scope)
        .orWhere((own) => own.where('level', region.level).where('region_code', scope))
    )
    /* A county's children are its institutions, listed page by page (institutionFigures): its totals need none of their rows. */
    .if(region.level >= 3, (q) => q.whereNot('level', 4))
    .select('level', 'region_code', 'institution_id', 'metric', 'value', 'refreshed_at')
  const total: Metrics = {}
  const children = new Map<string, FigureRow>()
  const direct: FigureRow = {
    regionCode: scope,
    institutionId: 0,
    kind: 'direct',
    name: region.name,
    drill: null,
    metrics: {},
  }
  let refreshedAt: Date | null = null
  for (const row of rows) {
    const value = toNumber(row.value)
    if (!refreshedAt || row.refreshed_at < refreshedAt) refreshedAt = row.refreshed_at
    if (row.level === region.level && row.region_code === scope) {
      total[row.metric] = value
    } else if (row.level === 4) {
      direct.metrics[row.metric] = (direct.metrics[row.metric] ?? 0) + value
    } else {
      let child = children.get(row.region_code)
      if (!child) {
        child = {
          regionCode: row.region_code,
          institutionId: 0,
          kind: 'region',
          name: regionName(row.region_code),
          drill: row.region_code,
          metrics: {},
        }
        children.set(row.region_code, child)
      }
      child.metrics[row.metric] = value
    }
  }
  const list = [...children.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode))
  /* At a county the institutions are the children; above it, records held at the region itself get one summary row. */
  if (Object.keys(direct.metrics).length && region.level < 3) list.push(direct)
  return { scope, name: regionName(scope), level: region.level, total, children: list, refreshedAt }
}

/** The region and every region below it: the parents an institution row of the scope can have. */
export function scopeCodes(scope: string): string[] {
  return [scope, ...regionTree.descendants(scope).map((r) => r.code)]
}

export interface InstitutionPage {
  rows: FigureRow[]
  total: number
  page: number
  perPage: number
  lastPage: number
}

/** Institutions of the region (at any depth), in a stable order: region, then institution id. */
export async function institutionFigures(
  scope: string,
  page: number,
  perPage: number
): Promise<InstitutionPage> {
  const keysQuery = institutionRows(scope)
  const count = await institutionRowCount(scope)
  const lastPage = Math.max(1, Math.ceil(count / perPage))
  const current = Math.min(Math.max(1, page), lastPage)
  const keys = await keysQuery
    .clone()
    .select('region_code', 'institution_id')
    .groupBy('region_code', 'institution_id')
    .orderBy('region_code', 'asc')
    .orderBy('institution_id', 'asc')
    .offset((current - 1) * perPage)
    .limit(perPage)
  return {
    rows: await figuresOf(
      keys.map((k) => ({ regionCode: k.region_code, institutionId: toNumber(k.institution_id) }))
    ),
    total: count,
    page: current,
    perPage,
    lastPage,
  }
}

async function figuresOf(
  keys: { regionCode: string; institutionId: number }[]
): Promise<FigureRow[]> {
  if (!keys.length) return []
  const rows = await db
    .from('stat_rollups')
    .where('level', 4)
    .whereIn('parent_code', [...new Set(keys.map((k) => k.regionCode))])
    .whereIn('institution_id', [...new Set(keys.map((k) => k.institutionId))])
    .select('region_code', 'institution_id', 'metric', 'value')
  const names = await institutionSummaries(keys.map((k) => k.institutionId).filter((id) => id > 0))
  const byKey = new Map<string, FigureRow>()
  for (const k of keys) {
    const name =
      k.institutionId > 0 ? (names.get(k.institutionId)?.name ?? `#${k.institutionId}`) : null
    byKey.set(`${k.regionCode}|${k.institutionId}`, {
      regionCode: k.regionCode,
      institutionId: k.institutionId,
      kind: 'institution',
      name: name ?? '',
      drill: null,
      metrics: {},
    })
  }
  for (const row of rows) {
    const target = byKey.get(`${row.region_code}|${toNumber(row.institution_id)}`)
    if (target) target.metrics[row.metric] = toNumber(row.value)
  }
  return [...byKey.values()]
}

/** Yields every institution row of the region in pages, for exports that must not hold everything in memory. */
export async function* eachInstitutionFigure(
  scope: string,
  pageSize = 1000
): AsyncGenerator<FigureRow[]> {
  let after: { regionCode: string; institutionId: number } | null = null
  for (;;) {
    const query = institutionRows(scope)
    if (after) {
      const { regionCode, institutionId } = after
      query.whereRaw('(region_code, institution_id) > (?, ?)', [regionCode, institutionId])
    }
    const keys = await query
      .select('region_code', 'institution_id')
      .groupBy('region_code', 'institution_id')
      .orderBy('region_code', 'asc')
      .orderBy('institution_id', 'asc')
      .limit(pageSize)
    if (!keys.length) return
    const page = keys.map((k) => ({
      regionCode: k.region_code as string,
      institutionId: toNumber(k.institution_id),
    }))
    yield await figuresOf(page)
    after = page[page.length - 1]!
  }
}

/** How many institution rows the region has (decides between a direct and a background export). */
export async function institutionRowCount(scope: string): Promise<number> {
  const keys = institutionRows(scope).distinct('region_code', 'institution_id')
  const result = await db.from(keys.as('k')).count('* as total').first()
  return toNumber(result?.total ?? 0)
}

/** Institution rows (level 4) of the region and below; the country needs no filter. */
function institutionRows(scope: string) {
  const query = db.from('stat_rollups').where('level', 4)
  if (scope !== COUNTRY_CODE) query.whereIn('parent_code', scopeCodes(scope))
  return query
}
