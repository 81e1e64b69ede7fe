/*
| Benchmark 6: credit at scale (issue 16). In one run:
|  (a) the nightly risk evaluation over every institution (evaluateRisk(),
|      then advanceRiskWarnings(), as credit.evaluate_risk does at 03:15)
|      and the whole credit-score recompute (the credit.recompute_scores
|      job with an empty payload), each timed with the rows it wrote. The
|      credit module's tables (and the messages it queued) are emptied
|      first, so every run measures the same first night, when every
|      warning is new; the risk evaluation then runs a second night, the
|      usual one, when little changes;
|  (b) one institution re-evaluated as after an event (risk, and its
|      score), median and p95 over a sample of institutions;
|  (c) the risk board GET /manage/risk as the ministry and as a county.
| Goals: the nightly run < 5 min at national scale; an event's
| re-evaluation < 200 ms; the board < 200 ms (p95).
|
| (a) and (b) run inside the built app, booted like an ace command: this
| file is also that process (`node build/bench/scenarios/credit.js <task>
| <input.json> <output.json>`). The score recompute has no public
| function, so the job class is taken from the queue's job registry by
| name and executed as a worker would, without the polling delay.
*/
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { LifecycleRun, RiskRun } from '#modules/credit'
import { BUILD, NODE } from '../lib/app.js'
import { query } from '../lib/database.js'
import { type LoadResult, load, span } from '../lib/load.js'
import { round, run } from '../lib/processes.js'
import { type WaitProfile, sampleWaits } from '../lib/waits.js'
import type { BenchAdmin, BenchContext } from './context.js'
import { type Bureaus, signedIn } from './dashboards.js'

export interface TableWrites {
  table: string
  inserted: number
  updated: number
  deleted: number
}

/** A whole-data-set step (a): its wall time inside the app, what it wrote, where the time went. */
export interface CreditStep {
  ms: number
  /** Rows inserted, updated or deleted, per table (pg_stat_user_tables before and after). */
  writes: TableWrites[]
  rowsWritten: number
  /** CPU the app process spent on the task (its wall time less this is mostly waiting on the database). */
  appCpuMs: number
  /** The bench database's sessions meanwhile: "in transaction, waiting for the app" marks statement-by-statement round trips. */
  waits: WaitProfile
  processPeakRssMb: number
}

export interface Spread {
  samples: number
  p50: number
  p95: number
  max: number
  mean: number
}

export interface BoardResult {
  as: BenchAdmin['level']
  regionCode: string
  /** autocannon, like the dashboards. */
  load: LoadResult
  /** One request after another, timed from this process: the exact p50 and p95. */
  sequential: Spread
}

export type NightlyRisk = CreditStep & {
  evaluateMs: number
  advanceMs: number
  run: RiskRun
  lifecycle: LifecycleRun
}

export interface CreditResult {
  institutions: number
  nightlyRisk: NightlyRisk
  /** The same run again at once: a night when the facts barely moved. */
  secondNight: NightlyRisk
  scores: CreditStep & { scored: number }
  single: { risk: Spread; score: Spread; sample: number[] }
  boards: BoardResult[]
  /** Boards that could not be measured (the run fails with them). */
  failures: string[]
}

/* ------------------------------------------------------------------ */
/* Inside the app                                                      */
/* ------------------------------------------------------------------ */

/** Console processes do not load the job classes (only workers and web processes do). */
async function loadJobClasses() {
  const app = (await import('@adonisjs/core/services/app')).default
  const { Locator } = await import('@adonisjs/queue')
  const manager: any = await app.container.make('queue.manager' as any)
  if (!Locator.get('credit.recompute_scores')) await manager.loadJobs()
}

/** Executes a queued job's class directly, by its registered name, as a worker does after acquiring it. */
async function executeJob(name: string, payload: unknown) {
  const app = (await import('@adonisjs/core/services/app')).default
  const { Locator } = await import('@adonisjs/queue')
  const manager: any = await app.container.make('queue.manager' as any)
  await loadJobClasses()
  const JobClass: any = Locator.getOrThrow(name)
  const factory = manager.getJobFactory()
  const job = factory ? await factory(JobClass) : new JobClass()
  job.$hydrate(payload, {
    jobId: `bench-${randomBytes(4).toString('hex')}`,
    name,
    attempt: 1,
    queue: JobClass.options?.queue ?? 'default',
    priority: 0,
    acquiredAt: new Date(),
    stalledCount: 0,
  })
  await job.execute()
}

const tasks: Record<string, (input: any) => Promise<unknown>> = {
  async nightlyRisk() {
    const { evaluateRisk, advanceRiskWarnings } = await import('#modules/credit')
    const t0 = performance.now()
    const riskRun = await evaluateRisk()
    const t1 = performance.now()
    const lifecycle = await advanceRiskWarnings()
    const t2 = performance.now()
    return { evaluateMs: t1 - t0, advanceMs: t2 - t1, run: riskRun, lifecycle }
  },

  async recomputeScores() {
    const t0 = performance.now()
    await executeJob('credit.recompute_scores', {})
    return { ms: performance.now() - t0 }
  },

  /** One institution after another, as an event's jobs re-evaluate it: its risk warnings, then its score. */
  async single(input: { institutionIds: number[] }) {
    const { evaluateRisk } = await import('#modules/credit')
    const risk: number[] = []
    const score: number[] = []
    /* An event's job runs in a warm worker: the job classes loaded, the code paths compiled once. */
    await loadJobClasses()
    const [first] = input.institutionIds
    if (first !== undefined) {
      await evaluateRisk([first])
      await executeJob('credit.recompute_scores', { institutionId: first, cause: 'event' })
    }
    for (const id of input.institutionIds) {
      let t = performance.now()
      await evaluateRisk([id])
      risk.push(performance.now() - t)
      t = performance.now()
      await executeJob('credit.recompute_scores', { institutionId: id, cause: 'event' })
      score.push(performance.now() - t)
    }
    return { risk, score }
  },
}

/* ------------------------------------------------------------------ */
/* The harness side                                                    */
/* ------------------------------------------------------------------ */

async function inCredit<T>(
  ctx: BenchContext,
  task: string,
  input: unknown
): Promise<{ result: T; maxRssMb: number; cpuMs: number }> {
  const id = `credit-${task}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`
  const inputFile = join(ctx.workDir, `${id}.in.json`)
  const outputFile = join(ctx.workDir, `${id}.out.json`)
  writeFileSync(inputFile, JSON.stringify(input ?? null))
  await run(NODE, ['bench/scenarios/credit.js', task, inputFile, outputFile], {
    cwd: BUILD,
    env: ctx.env,
    log: ctx.log,
  })
  return JSON.parse(readFileSync(outputFile, 'utf8'))
}

type Counters = Map<string, { ins: number; upd: number; del: number }>

async function counters(url: string): Promise<Counters> {
  const rows = await query<{ relname: string; ins: string; upd: string; del: string }>(
    url,
    'SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del FROM pg_stat_user_tables'
  )
  return new Map(
    rows.map((r) => [r.relname, { ins: Number(r.ins), upd: Number(r.upd), del: Number(r.del) }])
  )
}

const sumOf = (c: Counters) => [...c.values()].reduce((s, v) => s + v.ins + v.upd + v.del, 0)

/**
 * Rows written since `before`. A backend reports its counters when it
 * exits, a moment after the app process closed its pool: read until two
 * readings agree (at most 3 s).
 */
async function writesSince(url: string, before: Counters): Promise<TableWrites[]> {
  let now = await counters(url)
  for (let waited = 0; waited < 3000; waited += 300) {
    await new Promise((r) => setTimeout(r, 300))
    const again = await counters(url)
    const settled = sumOf(again) === sumOf(now)
    now = again
    if (settled) break
  }
  const out: TableWrites[] = []
  for (const [table, n] of now) {
    const b = before.get(table) ?? { ins: 0, upd: 0, del: 0 }
    const w = { table, inserted: n.ins - b.ins, updated: n.upd - b.upd, deleted: n.del - b.del }
    if (w.inserted || w.updated || w.deleted) out.push(w)
  }
  return out.sort(
    (a, b) => b.inserted + b.updated + b.deleted - (a.inserted + a.updated + a.deleted)
  )
}

/** Runs a whole-data-set task in the app with its CPU split, database waits and rows written. */
async function step<T>(
  ctx: BenchContext,
  task: string
): Promise<{ out: T; step: Omit<CreditStep, 'ms'> }> {
  const before = await counters(ctx.databaseUrl)
  const waits = await sampleWaits(ctx.database.url, ctx.database.name)
  const { result, maxRssMb, cpuMs } = await inCredit<T>(ctx, task, {})
  const waitProfile = await waits()
  const writes = await writesSince(ctx.databaseUrl, before)
  return {
    out: result,
    step: {
      writes,
      rowsWritten: writes.reduce((s, w) => s + w.inserted + w.updated + w.deleted, 0),
      appCpuMs: round(cpuMs, 0),
      waits: waitProfile,
      processPeakRssMb: round(maxRssMb),
    },
  }
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
  return {
    samples: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1]!),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  }
}

/** The institutions the single re-evaluation times: a fixed spread over the filed ones, those with open warnings first. */
async function sampleInstitutions(url: string, n: number): Promise<number[]> {
  const rows = await query<{ id: string }>(
    url,
    `SELECT i.id FROM institutions i
     WHERE i.filing_status = 'approved'
     ORDER BY EXISTS (SELECT 1 FROM risk_warnings w WHERE w.institution_id = i.id AND w.lifted_at IS NULL) DESC,
              md5(i.id::text)
     LIMIT $1`,
    [n]
  )
  return rows.map((r) => Number(r.id))
}

async function board(ctx: BenchContext, admin: BenchAdmin, rounds: number): Promise<BoardResult> {
  const { options } = ctx
  const path = '/manage/risk'
  const browser = await signedIn(ctx, admin)
  const check = await browser.page(path)
  if (check.status !== 200) throw new Error(`${path} as ${admin.username} answered ${check.status}`)
  const headers = { cookie: browser.cookieHeader }
  await load({
    name: 'warm-up',
    base: ctx.base,
    connections: options.dashboardConnections,
    ...span(options, options.dashboardConnections, 1),
    headers,
    next: () => ({ path }),
  })
  const result = await load({
    name: `risk board (${admin.level})`,
    base: ctx.base,
    connections: options.dashboardConnections,
    ...span(options, options.dashboardConnections),
    headers,
    next: () => ({ path }),
    serverPid: ctx.serverPid,
    database: ctx.database,
  })
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t = performance.now()
    const response = await browser.request(path)
    await response.text()
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    times.push(performance.now() - t)
  }
  return {
    as: admin.level,
    regionCode: admin.regionCode,
    load: result,
    sequential: spread(times),
  }
}

/*
| What the credit run writes, emptied so each run starts from the same
| first night: the module's own tables, and the messages and outbox rows
| its reminders and notices queued (only in the bench's database).
*/
const CREDIT_TABLES = [
  'risk_warning_changes',
  'risk_warnings',
  'risk_board_counts',
  'sales_freezes',
  'credit_score_changes',
  'credit_scores',
]
const CREDIT_MESSAGE_KINDS = ['risk_warning', 'risk_notice', 'deadline_reminder']

async function forgetCredit(url: string) {
  const present = await query<{ name: string }>(
    url,
    `SELECT t AS name FROM unnest($1::text[]) AS t WHERE to_regclass(t) IS NOT NULL`,
    [CREDIT_TABLES]
  )
  if (present.length) await query(url, `TRUNCATE ${present.map((p) => p.name).join(', ')}`)
  await query(url, `DELETE FROM inbox_messages WHERE kind = ANY($1::text[])`, [
    CREDIT_MESSAGE_KINDS,
  ])
  await query(
    url,
    `DELETE FROM outbox_events WHERE event = 'messages:deliver' AND (payload->>'deliveryId')::bigint IN
       (SELECT id FROM message_deliveries WHERE kind = ANY($1::text[]))`,
    [CREDIT_MESSAGE_KINDS]
  )
  await query(url, `DELETE FROM message_deliveries WHERE kind = ANY($1::text[])`, [
    CREDIT_MESSAGE_KINDS,
  ])
}

async function nightly(ctx: BenchContext): Promise<NightlyRisk> {
  const { out, step: s } = await step<{
    evaluateMs: number
    advanceMs: number
    run: RiskRun
    lifecycle: LifecycleRun
  }>(ctx, 'nightlyRisk')
  return {
    ...s,
    ms: round(out.evaluateMs + out.advanceMs, 0),
    evaluateMs: round(out.evaluateMs, 0),
    advanceMs: round(out.advanceMs, 0),
    run: out.run,
    lifecycle: out.lifecycle,
  }
}

export async function credit(ctx: BenchContext, found: Bureaus): Promise<CreditResult> {
  const short = ctx.options.short
  const count = async (table: string) =>
    Number(
      (await query<{ n: string }>(ctx.databaseUrl, `SELECT count(*) AS n FROM ${table}`))[0]?.n
    )
  const institutions = await count('institutions')

  await forgetCredit(ctx.databaseUrl)
  ctx.say('  nightly risk evaluation, every institution (first night)')
  const risk = await nightly(ctx)
  ctx.say('  nightly risk evaluation, every institution (second night)')
  const again = await nightly(ctx)

  ctx.say('  credit score recompute, every institution')
  const scores = await step<{ ms: number }>(ctx, 'recomputeScores')
  const scored = await count('credit_scores')

  const sample = await sampleInstitutions(ctx.databaseUrl, short ? 10 : 200)
  if (!sample.length)
    throw new Error('No filed institution to re-evaluate: is the database seeded?')
  ctx.say(`  one institution re-evaluated, ${sample.length} in turn`)
  const single = await inCredit<{ risk: number[]; score: number[] }>(ctx, 'single', {
    institutionIds: sample,
  })

  /* A board that cannot be measured fails the run, but keeps the figures above in the report. */
  const boards: BoardResult[] = []
  const failures: string[] = []
  for (const level of ['ministry', 'county'] as const) {
    const admin = found.admins.find((a) => a.level === level)
    if (!admin) throw new Error(`No bench ${level} admin`)
    ctx.say(`  risk board (${level})`)
    try {
      boards.push(await board(ctx, admin, short ? 10 : 200))
    } catch (error) {
      failures.push(
        `6. credit: the risk board (${level}) could not run: ${(error as Error).message}`
      )
    }
  }

  return {
    institutions,
    nightlyRisk: risk,
    secondNight: again,
    scores: { ...scores.step, ms: round(scores.out.ms, 0), scored },
    single: { risk: spread(single.result.risk), score: spread(single.result.score), sample },
    boards,
    failures,
  }
}

if (import.meta.main) {
  const [task, inputFile, outputFile] = process.argv.slice(2)
  const work = task === undefined ? undefined : tasks[task]
  if (!work || !inputFile || !outputFile) {
    console.error(`usage: credit.js <${Object.keys(tasks).join('|')}> <input.json> <output.json>`)
    process.exit(2)
  }
  /* Booted as bench/lib/in_app.ts boots the app: like an ace command, with the app's own env. */
  await import('reflect-metadata')
  const { Ignitor } = await import('@adonisjs/core')
  const APP_ROOT = new URL('../../', import.meta.url)
  const ignitor = new Ignitor(APP_ROOT, {
    importer: (filePath: string) =>
      filePath.startsWith('./') || filePath.startsWith('../')
        ? import(new URL(filePath, APP_ROOT).href)
        : import(filePath),
  }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
  })
  const app = ignitor.createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  try {
    const cpuBefore = process.cpuUsage()
    const result = await work(JSON.parse(readFileSync(inputFile, 'utf8')))
    const taskCpu = process.cpuUsage(cpuBefore)
    writeFileSync(
      outputFile,
      JSON.stringify({
        result,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        cpuMs: (taskCpu.user + taskCpu.system) / 1000,
      })
    )
  } catch (error) {
    console.error(error)
    process.exitCode = 1
  } finally {
    await app.terminate()
  }
}
