/*
| A bureau's risk board: open warnings of its region and below, counted by
| child region, level and indicator (one grouped statement on the lineage
| indexes), and the open warnings oldest first (longest unhandled on top),
| paginated with an id tie-breaker.
*/
import db from '@adonisjs/lucid/services/db'
import { SimplePaginator } from '@adonisjs/lucid/database'
import { applyRegionScope, regionTree } from '#modules/identity'
import { WARNING_COLUMNS, toWarning, type WarningRow } from './warnings_of.js'

export interface BoardCell {
  regionCode: string | null
  regionName: string
  level: string
  indicator: string
  count: number
}

/** The lineage column that names a child of the scope (province under the country, city under a province, county under a city). */
function childColumn(scope: string): 'province_code' | 'city_code' | 'county_code' {
  const level = regionTree.get(scope)?.level ?? 3
  return level === 0 ? 'province_code' : level === 1 ? 'city_code' : 'county_code'
}

/* Counts from the rollup (board_counts.ts): a sum over regions, not a count over warnings. */
export async function riskBoard(scope: string | null): Promise<BoardCell[]> {
  if (!scope) return []
  const column = childColumn(scope)
  const query = db
    .from('risk_board_counts')
    .select(db.raw(`${column} AS region_code`), 'level', 'indicator')
    .select(db.raw('sum(n)::int AS n'))
    .groupBy(column, 'level', 'indicator')
    .havingRaw('sum(n) > 0')
    .orderBy(column)
  applyRegionScope(query, scope)
  return (await query).map((r: any) => ({
    regionCode: r.region_code,
    /* An online institution has no city or county: it is counted under its province. */
    regionName: r.region_code ? (regionTree.get(r.region_code)?.name ?? r.region_code) : '—',
    level: r.level,
    indicator: r.indicator,
    count: Number(r.n),
  }))
}

/**
 * The open warnings, oldest first, a page at a time; the total comes from
 * the board's cells (already summed for the page), not a second count
 * over every open warning.
 */
export async function openWarningsIn(scope: string | null, page = 1, cells?: BoardCell[]) {
  const perPage = 50
  const current = Math.max(page, 1)
  const query = db
    .from('risk_warnings')
    .whereNull('lifted_at')
    .select(WARNING_COLUMNS)
    .orderBy('raised_at')
    .orderBy('id')
    .offset((current - 1) * perPage)
    .limit(perPage)
  applyRegionScope(query, scope)
  const total = (cells ?? (await riskBoard(scope))).reduce((sum, c) => sum + c.count, 0)
  const rows = await query
  const paginator = new SimplePaginator(total, perPage, current, ...rows)
  return { rows: rows.map(toWarning) as WarningRow[], paginator }
}

/** One warning, if it lies in the scope (else it does not exist for this bureau). */
export async function warningInScope(id: number, scope: string | null): Promise<WarningRow | null> {
  const query = db.from('risk_warnings').where('id', id).select(WARNING_COLUMNS)
  applyRegionScope(query, scope)
  const row = await query.first()
  return row ? toWarning(row) : null
}

/** One warning of an institution (else it does not exist for it). */
export async function warningOfInstitution(
  id: number,
  institutionId: number
): Promise<WarningRow | null> {
  const row = await db
    .from('risk_warnings')
    .where({ id, institution_id: institutionId })
    .select(WARNING_COLUMNS)
    .first()
  return row ? toWarning(row) : null
}
