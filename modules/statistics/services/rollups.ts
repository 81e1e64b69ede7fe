/*
| Keeps `stat_rollups` fresh (see migration 0002 for its shape).
|
| refreshRollups(codes): recomputes the institution rows (level 4) of the
| regions given — the region where records live: a county, or a province
| for online institutions — then re-sums every ancestor from its children,
| bottom up. Without codes, everything is rebuilt. Both run under one
| transaction-scoped advisory lock so two workers never interleave.
|
| markDirty(code): an upsert of one row, cheap enough to call from any
| action or event; the refresh job picks the marks up.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { regionTree } from '#modules/identity'
import { countAll, regionsChangedSince } from './counters.js'

const LOCK = 'statistics.stat_rollups'
const INSERT_CHUNK = 50_000
const SINCE_MARGIN_MS = 5 * 60_000

export interface RefreshResult {
  kind: 'full' | 'incremental'
  /** Regions whose figures were recomputed (institution rows and the region sums above them). */
  regions: number
  rows: number
}

/** A region and every region above it, up to the country. */
function withAncestors(codes: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const code of codes) for (const region of regionTree.ancestors(code)) out.add(region.code)
  return out
}

async function insertInstitutionRows(
  trx: TransactionClientContract,
  regionCodes: string[] | undefined,
  now: Date
): Promise<{ rows: number; codes: Set<string> }> {
  const counters = await countAll(regionCodes ? { regionCodes } : {})
  const known = counters.filter((c) => regionTree.has(c.regionCode))
  /* Column arrays unnested server-side: a national rebuild writes millions of rows in a few dozen statements. */
  for (let i = 0; i < known.length; i += INSERT_CHUNK) {
    const chunk = known.slice(i, i + INSERT_CHUNK)
    await trx.rawQuery(
      `INSERT INTO stat_rollups (level, region_code, institution_id, parent_code, metric, value, refreshed_at)
       SELECT 4, r.code, r.institution_id, r.code, r.metric, r.value, ?
         FROM unnest(?::text[], ?::bigint[], ?::text[], ?::bigint[]) AS r(code, institution_id, metric, value)`,
      [
        now,
        chunk.map((c) => c.regionCode),
        chunk.map((c) => c.institutionId),
        chunk.map((c) => c.metric),
        chunk.map((c) => c.value),
      ] as any[]
    )
  }
  return { rows: known.length, codes: new Set(known.map((c) => c.regionCode)) }
}

/** Re-sums the given regions from their children, deepest level first, so each level reads fresh sums below it. */
async function sumRegions(
  trx: TransactionClientContract,
  codes: Set<string>,
  now: Date
): Promise<number> {
  const regions = [...codes].map((code) => regionTree.get(code)!).filter(Boolean)
  if (!regions.length) return 0
  await trx.rawQuery(`DELETE FROM stat_rollups WHERE level < 4 AND region_code = ANY(?::text[])`, [
    regions.map((r) => r.code),
  ])
  let rows = 0
  for (const level of [3, 2, 1, 0]) {
    const atLevel = regions.filter((r) => r.level === level)
    if (!atLevel.length) continue
    const result = await trx.rawQuery(
      `INSERT INTO stat_rollups (level, region_code, institution_id, parent_code, metric, value, refreshed_at)
       SELECT ?, s.parent_code, 0, r.parent_code, s.metric, sum(s.value), ?
         FROM stat_rollups s
         JOIN unnest(?::text[], ?::text[]) AS r(code, parent_code) ON r.code = s.parent_code
        GROUP BY s.parent_code, r.parent_code, s.metric`,
      [
        level,
        now,
        atLevel.map((r) => r.code as string),
        atLevel.map((r) => (r.parentCode ?? null) as string),
      ]
    )
    rows += result.rowCount ?? 0
  }
  return rows
}

export async function refreshRollups(regionCodes?: string[]): Promise<RefreshResult> {
  const startedAt = new Date()
  const codes = regionCodes ? [...new Set(regionCodes)].filter((c) => regionTree.has(c)) : undefined
  if (codes && !codes.length) return { kind: 'incremental', regions: 0, rows: 0 }
  return db.transaction(async (trx) => {
    await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [LOCK])
    const now = new Date()
    if (codes)
      await trx.rawQuery(
        `DELETE FROM stat_rollups WHERE level = 4 AND region_code = ANY(?::text[])`,
        [codes]
      )
    else await trx.rawQuery('DELETE FROM stat_rollups')
    const leaves = await insertInstitutionRows(trx, codes, now)
    /* A region that lost its last record still needs its sums (now empty) rewritten. */
    const affected = withAncestors(codes ?? leaves.codes)
    if (!codes) affected.add(regionTree.get('000000')!.code)
    const rows = leaves.rows + (await sumRegions(trx, affected, now))
    const kind = codes ? 'incremental' : 'full'
    await trx.table('stat_refreshes').insert({
      kind,
      regions: affected.size,
      rows,
      started_at: startedAt,
      finished_at: new Date(),
    })
    return { kind, regions: affected.size, rows }
  })
}

/** Records that figures of a region changed. Idempotent; the refresh job clears the mark. */
export async function markDirty(regionCode: string): Promise<void> {
  if (!regionTree.has(regionCode)) return
  await db.rawQuery(
    `INSERT INTO stat_dirty_regions (region_code, marked_at) VALUES (?, now())
     ON CONFLICT (region_code) DO UPDATE SET marked_at = excluded.marked_at
     WHERE stat_dirty_regions.marked_at < now() - interval '5 seconds'`,
    [regionCode]
  )
}

/**
 * The regular refresh: regions marked dirty plus regions whose records
 * changed since the last run (for changes that raise no event). Marks are
 * taken in the same transaction as their removal, so a mark set while the
 * refresh runs survives for the next run.
 */
export async function refreshDirtyRollups(): Promise<RefreshResult> {
  const last = await db.from('stat_refreshes').max('started_at as at').first()
  if (!last?.at) return refreshRollups()
  /* A margin for transactions that stamped their rows before the last run started but committed after it. */
  const since = new Date(new Date(last.at).getTime() - SINCE_MARGIN_MS)
  const taken = await db.rawQuery(`DELETE FROM stat_dirty_regions RETURNING region_code`)
  const changed = await regionsChangedSince(since)
  const codes = new Set<string>([
    ...taken.rows.map((r: any) => r.region_code as string),
    ...changed,
  ])
  if (!codes.size) return { kind: 'incremental', regions: 0, rows: 0 }
  try {
    return await refreshRollups([...codes])
  } catch (error) {
    /* Put the marks back so the next run tries again. */
    for (const row of taken.rows) await markDirty(row.region_code)
    throw error
  }
}

/** A full rebuild also clears the marks it covered. */
export async function refreshAllRollups(): Promise<RefreshResult> {
  const startedAt = new Date()
  const result = await refreshRollups()
  await db.from('stat_dirty_regions').where('marked_at', '<', startedAt).delete()
  return result
}
