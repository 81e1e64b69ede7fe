/*
| The database server's own yardstick, measured in the same run: pgbench's
| TPC-B-like script on a database of its own, with the client count and
| duration of the payment benchmark. Where no pgbench binary exists (the
| embedded PostgreSQL of a bare checkout), the same TPC-B transaction is
| run by node-postgres clients instead, and the report says so.
*/
import { existsSync, readdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import pg from 'pg'
import { type CpuUse, round, run } from './processes.js'
import type { WaitProfile } from './waits.js'
import { ensureDatabase, query, withDatabase } from './database.js'

export interface PgbenchResult {
  tool: 'pgbench' | 'node TPC-B (pgbench not found)'
  version: string | null
  scale: number
  clients: number
  seconds: number
  tps: number
  latencyAvgMs: number | null
  transactions: number
  failed: number
}

/** $PGBENCH (a path, or "none" to use the node-postgres stand-in), pgbench on the PATH, or PostgreSQL's own bin folders. */
export function findPgbench(): string | null {
  if (process.env.PGBENCH === 'none') return null
  if (process.env.PGBENCH && existsSync(process.env.PGBENCH)) return process.env.PGBENCH
  try {
    const found = execFileSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).trim()
    if (found) return found
  } catch {}
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort().reverse()) {
      const candidate = `${root}/${version}/bin/pgbench`
      if (existsSync(candidate)) return candidate
    }
  }
  return null
}

async function initialised(url: string, scale: number): Promise<boolean> {
  try {
    const [row] = await query(url, 'SELECT count(*) AS n FROM pgbench_branches')
    return Number(row.n) === scale
  } catch {
    return false
  }
}

export interface PgbenchOptions {
  scale: number
  clients: number
  seconds: number
  log: string
  /** Starts meters when the measured run starts (after initialisation). */
  during?: () => Promise<{ cpu: () => CpuUse; waits: () => Promise<WaitProfile> }>
}

export async function runPgbench(
  serverUrl: string,
  database: string,
  options: PgbenchOptions
): Promise<PgbenchResult & { cpu: CpuUse; waits: WaitProfile }> {
  await ensureDatabase(serverUrl, database)
  const url = withDatabase(serverUrl, database)
  const binary = findPgbench()
  if (binary && !(await initialised(url, options.scale))) {
    await run(binary, ['-i', '-q', '-s', String(options.scale), url], {
      cwd: process.cwd(),
      env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
      log: options.log,
    })
  }
  if (!binary) await initNode(url, options.scale)
  /* What pgbench does before a run (its -n skips it here), done first so the meters see only the run. */
  await query(url, 'TRUNCATE pgbench_history')
  await query(url, 'VACUUM pgbench_branches, pgbench_tellers, pgbench_history')
  const meters = await options.during?.()
  let result: PgbenchResult
  let cpu: CpuUse = { serverPct: null, postgresPct: null, loadGeneratorPct: 0, otherPct: null }
  let waits: WaitProfile = { samples: 0, meanActive: 0, top: [] }
  try {
    result = binary ? await pgbenchBinary(binary, url, options) : await nodeTpcb(url, options)
  } finally {
    if (meters) {
      cpu = meters.cpu()
      waits = await meters.waits()
    }
  }
  return { ...result, cpu, waits }
}

async function pgbenchBinary(
  binary: string,
  url: string,
  options: PgbenchOptions
): Promise<PgbenchResult> {
  const env = { ...process.env, PGCONNECT_TIMEOUT: '10' }
  const threads = Math.max(1, Math.min(options.clients, 2))
  const result = await run(
    binary,
    [
      '-n',
      '-c',
      String(options.clients),
      '-j',
      String(threads),
      '-T',
      String(Math.max(1, Math.round(options.seconds))),
      url,
    ],
    {
      cwd: process.cwd(),
      env,
      log: options.log,
    }
  )
  const text = result.tail
  const tps = Number(
    text.match(/tps = ([\d.]+) \(without initial connection time\)/)?.[1] ??
      text.match(/tps = ([\d.]+)/)?.[1]
  )
  if (!Number.isFinite(tps)) throw new Error(`Could not read pgbench's tps:\n${text}`)
  return {
    tool: 'pgbench',
    version: execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim(),
    scale: options.scale,
    clients: options.clients,
    seconds: options.seconds,
    tps: round(tps, 1),
    latencyAvgMs: Number(text.match(/latency average = ([\d.]+) ms/)?.[1]) || null,
    transactions: Number(text.match(/number of transactions actually processed: (\d+)/)?.[1] ?? 0),
    failed: Number(text.match(/number of failed transactions: (\d+)/)?.[1] ?? 0),
  }
}

async function initNode(url: string, scale: number) {
  if (!(await initialised(url, scale))) {
    await query(
      url,
      'DROP TABLE IF EXISTS pgbench_history, pgbench_tellers, pgbench_accounts, pgbench_branches'
    )
    await query(
      url,
      'CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int, filler char(88)) WITH (fillfactor = 100)'
    )
    await query(
      url,
      'CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int, tbalance int, filler char(84)) WITH (fillfactor = 100)'
    )
    await query(
      url,
      'CREATE TABLE pgbench_accounts (aid int PRIMARY KEY, bid int, abalance int, filler char(84)) WITH (fillfactor = 100)'
    )
    await query(
      url,
      'CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))'
    )
    await query(url, 'INSERT INTO pgbench_branches SELECT b, 0 FROM generate_series(1, $1) b', [
      scale,
    ])
    await query(
      url,
      'INSERT INTO pgbench_tellers SELECT t, (t - 1) / 10 + 1, 0 FROM generate_series(1, $1) t',
      [scale * 10]
    )
    await query(
      url,
      "INSERT INTO pgbench_accounts SELECT a, (a - 1) / 100000 + 1, 0, '' FROM generate_series(1, $1) a",
      [scale * 100_000]
    )
    await query(url, 'VACUUM ANALYZE pgbench_accounts')
  }
}

/** pgbench's built-in "TPC-B (sort of)" script, run by node-postgres clients. */
async function nodeTpcb(url: string, options: PgbenchOptions): Promise<PgbenchResult> {
  const scale = options.scale
  const pool = new pg.Pool({ connectionString: url, max: options.clients })
  const random = (n: number) => 1 + Math.floor(Math.random() * n)
  let transactions = 0
  let failed = 0
  let busyMs = 0
  const deadline = Date.now() + options.seconds * 1000
  const started = Date.now()
  const client = async () => {
    const conn = await pool.connect()
    try {
      while (Date.now() < deadline) {
        const aid = random(100_000 * scale)
        const bid = random(scale)
        const tid = random(10 * scale)
        const delta = random(10_000) - 5000
        const t0 = Date.now()
        try {
          await conn.query('BEGIN')
          await conn.query('UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2', [
            delta,
            aid,
          ])
          await conn.query('SELECT abalance FROM pgbench_accounts WHERE aid = $1', [aid])
          await conn.query('UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2', [
            delta,
            tid,
          ])
          await conn.query('UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2', [
            delta,
            bid,
          ])
          await conn.query(
            'INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)',
            [tid, bid, aid, delta]
          )
          await conn.query('COMMIT')
          transactions++
          busyMs += Date.now() - t0
        } catch {
          failed++
          await conn.query('ROLLBACK').catch(() => {})
        }
      }
    } finally {
      conn.release()
    }
  }
  await Promise.all(Array.from({ length: options.clients }, client))
  await pool.end()
  const seconds = (Date.now() - started) / 1000
  return {
    tool: 'node TPC-B (pgbench not found)',
    version: null,
    scale,
    clients: options.clients,
    seconds: round(seconds, 2),
    tps: round(transactions / seconds, 1),
    latencyAvgMs: transactions ? round(busyMs / transactions, 2) : null,
    transactions,
    failed,
  }
}
