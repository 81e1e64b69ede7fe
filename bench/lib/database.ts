/*
| The benchmark's own databases on the PostgreSQL server: the app's
| (migrated and seeded once per scale) and pgbench's.
*/
import { dropDatabase, ensureDatabase, withClient, withDatabase } from '#database/provisioning'

export { dropDatabase, ensureDatabase, withClient, withDatabase }

export async function query<T = any>(
  url: string,
  sql: string,
  params: unknown[] = []
): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(sql, params)).rows as T[])
}

export interface SeedMarker {
  source: 'bench' | 'demo'
  scale: string
  at: string
}

const MARKER = 'xiaowai-bench '

/** What seeded the database, kept as the database's comment (no table of ours in the app's schema). */
export async function readMarker(serverUrl: string, database: string): Promise<SeedMarker | null> {
  const [row] = await query(
    serverUrl,
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
    [database]
  )
  const comment: string | null = row?.comment ?? null
  if (!comment?.startsWith(MARKER)) return null
  try {
    return JSON.parse(comment.slice(MARKER.length))
  } catch {
    return null
  }
}

export async function writeMarker(serverUrl: string, database: string, marker: SeedMarker) {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Unsafe database name ${database}`)
  const text = `${MARKER}${JSON.stringify(marker)}`.replace(/'/g, "''")
  await query(serverUrl, `COMMENT ON DATABASE ${database} IS '${text}'`)
}

/** Exact row counts of the tables the benchmarks read and write. */
export const COUNTED_TABLES = [
  'regions',
  'users',
  'institutions',
  'filing_sections',
  'staff',
  'list_changes',
  'public_notices',
  'courses',
  'contracts',
  'orders',
  'payments',
  'refunds',
  'consumptions',
  'ledger_transactions',
  'ledger_entries',
  'complaints',
  'stat_rollups',
  'sessions',
]

export async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`
    )
    const present = new Set(rows.map((r) => r.table_name))
    const counts: Record<string, number> = {}
    for (const table of COUNTED_TABLES) {
      if (present.has(table))
        counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)
    }
    return counts
  })
}

export async function serverFacts(url: string) {
  return withClient(url, async (client) => {
    const setting = async (name: string) =>
      (await client.query(`SELECT current_setting($1) AS v`, [name])).rows[0].v as string
    return {
      version: (await client.query('SELECT version() AS v')).rows[0].v as string,
      sharedBuffers: await setting('shared_buffers'),
      maxConnections: await setting('max_connections'),
      workMem: await setting('work_mem'),
      synchronousCommit: await setting('synchronous_commit'),
      databaseSize: (
        await client.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS v')
      ).rows[0].v as string,
    }
  })
}
