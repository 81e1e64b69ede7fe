/*
| The report: bench/results/<date>.md (every figure, every ratio and the
| goal beside it), <date>.json (everything), <date>-latency.svg, and the
| summary table in README.md between its bench markers.
*/
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PublicPagesResult } from '../scenarios/public_pages.js'
import type { PaymentsResult } from '../scenarios/payments.js'
import type { DashboardsResult } from '../scenarios/dashboards.js'
import type { ImportResult } from '../scenarios/batch_import.js'
import type { CreditResult } from '../scenarios/credit.js'
import type { ExplainResult } from './explain.js'
import type { LoadResult } from './load.js'
import type { Machine } from './machine.js'
import { latencyChart } from './chart.js'
import type { CpuUse } from './processes.js'
import type { WaitProfile } from './waits.js'

export interface Goal {
  benchmark: string
  figure: string
  value: string
  ratio: string | null
  goal: string
  /** null: not judged (e.g. a short run's import is not 10,000 rows). */
  pass: boolean | null
}

export interface MemoryResult {
  /** Highest VmRSS sampled (every 100 ms) during the loads of benchmarks 1 and 2. */
  peakRssMb: number
  /** VmHWM of the server after benchmark 2: its peak since it started. */
  hwmMb: number | null
  bootRssMb: number | null
  /** VmHWM at the end of the run, after the dashboards and the import upload too (not part of the goal). */
  endHwmMb?: number | null
}

export interface BenchResults {
  version: 1
  mode: 'full' | 'short'
  scale: string
  startedAt: string
  finishedAt: string
  seconds: number
  machine: Machine
  data: {
    source: string
    seededAt: string | null
    rowCounts: Record<string, number>
    databaseSize: string
  }
  app: {
    buildSeconds: number | null
    bootMs: number
    nodeEnv: string
    databasePoolMax: number
    connections: number
    loadSeconds: number
    requestsPerConnection: number | null
    loadGenerator: string
  }
  explain?: ExplainResult[]
  public?: PublicPagesResult
  payments?: PaymentsResult
  dashboards?: DashboardsResult
  import?: ImportResult
  credit?: CreditResult
  memory?: MemoryResult
  goals: Goal[]
  /** Hard failures: an EXPLAIN check, an unbalanced ledger, a benchmark that could not run. */
  failures: string[]
  notes: string[]
}

const pct = (n: number) => `${(n * 100).toFixed(0)}%`
const ms = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n} ms`)
const mark = (pass: boolean | null) => (pass === null ? '—' : pass ? '✅' : '❌')

export function goalsOf(r: BenchResults): Goal[] {
  const goals: Goal[] = []
  if (r.public) {
    const floor = r.public.floor
    goals.push({
      benchmark: '1. public',
      figure: 'stack floor',
      value: `${floor.rps} req/s, p99 ${floor.latency.p99} ms`,
      ratio: '100%',
      goal: 'reference',
      pass: null,
    })
    for (const load of [
      r.public.searchFirst,
      ...(r.public.searchFresh ? [r.public.searchFresh] : []),
      r.public.searchDeep,
      r.public.publicPage,
    ]) {
      const ratio = floor.rps ? load.rps / floor.rps : 0
      goals.push({
        benchmark: '1. public',
        figure: `${load.name}: req/s`,
        value: `${load.rps} req/s`,
        ratio: `${pct(ratio)} of floor`,
        goal: '≥ 60% of floor',
        pass: ratio >= 0.6 && load.non2xx + load.errors === 0,
      })
      goals.push({
        benchmark: '1. public',
        figure: `${load.name}: p99`,
        value: ms(load.latency.p99),
        ratio: null,
        goal: '< 100 ms',
        pass: load.latency.p99 < 100,
      })
    }
  }
  if (r.payments) {
    const p = r.payments
    const base = p.pgbench.tps
    const vs = (tps: number) => (base ? tps / base : 0)
    goals.push({
      benchmark: '2. payments',
      figure: `pgbench TPC-B (${p.pgbench.clients} clients, scale ${p.pgbench.scale})`,
      value: `${base} tps`,
      ratio: '100%',
      goal: 'reference',
      pass: null,
    })
    goals.push({
      benchmark: '2. payments',
      figure: 'payment callbacks applied',
      value: `${p.callbacks.tps} tps`,
      ratio: `${pct(vs(p.callbacks.tps))} of pgbench`,
      goal: '≥ 30% of pgbench',
      pass: vs(p.callbacks.tps) >= 0.3 && p.callbacks.outcomes.rejected === 0,
    })
    goals.push({
      benchmark: '2. payments',
      figure: 'refund requests approved (in-process)',
      value: `${p.refundRequests.tps} tps`,
      ratio: `${pct(vs(p.refundRequests.tps))} of pgbench`,
      goal: '≥ 30% of pgbench',
      pass: p.refundRequests.approvedAtOnce > 0 ? vs(p.refundRequests.tps) >= 0.3 : false,
    })
    if (p.refundCallbacks) {
      goals.push({
        benchmark: '2. payments',
        figure: 'refund callbacks applied',
        value: `${p.refundCallbacks.tps} tps`,
        ratio: `${pct(vs(p.refundCallbacks.tps))} of pgbench`,
        goal: '≥ 30% of pgbench',
        pass: vs(p.refundCallbacks.tps) >= 0.3 && p.refundCallbacks.outcomes.rejected === 0,
      })
    }
    const dup = p.duplicates
    goals.push({
      benchmark: '2. payments',
      figure: 'duplicate callbacks (idempotency)',
      value: `${dup.outcomes.duplicate} duplicate, ${dup.outcomes.applied} applied, ${dup.ledgerTransactionsAdded} ledger transactions added`,
      ratio: null,
      goal: 'all duplicate, no money moved',
      pass:
        dup.outcomes.applied === 0 &&
        dup.ledgerTransactionsAdded === 0 &&
        dup.outcomes.rejected === 0,
    })
    goals.push({
      benchmark: '2. payments',
      figure: 'ledger afterwards',
      value: p.ledger.clean
        ? `balanced (${p.ledger.transactions} transactions, ${p.ledger.entries} entries)`
        : 'PROBLEMS',
      ratio: null,
      goal: 'balanced',
      pass: p.ledger.clean,
    })
  }
  if (r.dashboards) {
    const d = r.dashboards
    goals.push({
      benchmark: '3. dashboards',
      figure: 'national totals (ministry)',
      value: `p50 ${d.national.latency.p50} ms, p99 ${d.national.latency.p99} ms`,
      ratio: null,
      goal: 'p99 < 200 ms',
      pass: d.national.latency.p99 < 200 && d.national.non2xx === 0,
    })
    for (const c of d.drillDowns) {
      goals.push({
        benchmark: '3. dashboards',
        figure: `county drill-down (${c.level})`,
        value: `p50 ${c.latency.p50} ms, p99 ${c.latency.p99} ms`,
        ratio: null,
        goal: 'p99 < 50 ms',
        pass: c.latency.p99 < 50 && c.non2xx === 0,
      })
    }
  }
  if (r.import) {
    const i = r.import
    const judged = i.rows === 10_000
    goals.push({
      benchmark: '4. import',
      figure: `${i.rows} institutions from .xlsx`,
      value: `${i.totalSeconds} s (${i.status})`,
      ratio: null,
      goal: judged ? '< 60 s' : '< 60 s for 10,000 rows (not judged)',
      pass: i.status !== 'done' ? false : judged ? i.totalSeconds < 60 : null,
    })
    goals.push({
      benchmark: '4. import',
      figure: 'import worker peak RSS',
      value: `${i.workerPeakRssMb} MB`,
      ratio: null,
      goal: 'reported',
      pass: null,
    })
  }
  if (r.memory) {
    goals.push({
      benchmark: '5. memory',
      figure: 'server peak RSS under 1 and 2',
      value: `${r.memory.peakRssMb} MB (VmHWM ${r.memory.hwmMb ?? '—'} MB)`,
      ratio: null,
      goal: '< 512 MB',
      pass: Math.max(r.memory.peakRssMb, r.memory.hwmMb ?? 0) < 512,
    })
  }
  if (r.credit) goals.push(...creditGoals(r.credit, r.scale))
  if (r.explain) {
    const failed = r.explain.filter((e) => !e.pass)
    goals.push({
      benchmark: 'EXPLAIN',
      figure: `${r.explain.length} hot-query plans`,
      value: failed.length
        ? `${failed.length} failed: ${failed.map((f) => f.name).join(', ')}`
        : 'all use their indexes',
      ratio: null,
      goal: 'no seq scan where an index is expected',
      pass: failed.length === 0,
    })
  }
  return goals
}

const NIGHTLY_GOAL_MS = 5 * 60_000
const EVENT_GOAL_MS = 200
const BOARD_GOAL_MS = 200

/** Issue 16's goals: the nightly run judged at national scale only; an event and the board at any scale (p95). */
function creditGoals(c: CreditResult, scale: string): Goal[] {
  const national = scale === 'national'
  const nightlyMs = c.nightlyRisk.ms + c.scores.ms
  const goals: Goal[] = [
    {
      benchmark: '6. credit',
      figure: `nightly risk evaluation, first night (${c.nightlyRisk.run.institutions} institutions)`,
      value: `${round1(c.nightlyRisk.ms / 1000)} s, ${c.nightlyRisk.rowsWritten} rows written`,
      ratio: null,
      goal: 'reported (the whole night below)',
      pass: null,
    },
    {
      benchmark: '6. credit',
      figure: 'nightly risk evaluation, second night',
      value: `${round1(c.secondNight.ms / 1000)} s, ${c.secondNight.rowsWritten} rows written`,
      ratio: null,
      goal: 'reported',
      pass: null,
    },
    {
      benchmark: '6. credit',
      figure: `credit score recompute (${c.institutions} institutions)`,
      value: `${round1(c.scores.ms / 1000)} s, ${c.scores.rowsWritten} rows written`,
      ratio: null,
      goal: 'reported (the whole night below)',
      pass: null,
    },
    {
      benchmark: '6. credit',
      figure: 'nightly risk + credit run (first night)',
      value: `${round1(nightlyMs / 1000)} s`,
      ratio: null,
      goal: national ? '< 5 min' : `< 5 min at national scale (not judged: ${scale})`,
      pass: national ? nightlyMs < NIGHTLY_GOAL_MS : null,
    },
  ]
  for (const [what, s] of [
    ['risk', c.single.risk],
    ['score', c.single.score],
  ] as const)
    goals.push({
      benchmark: '6. credit',
      figure: `one institution's ${what} re-evaluated (${s.samples} institutions)`,
      value: `p50 ${s.p50} ms, p95 ${s.p95} ms`,
      ratio: null,
      goal: `p95 < ${EVENT_GOAL_MS} ms`,
      pass: s.p95 < EVENT_GOAL_MS,
    })
  for (const b of c.boards)
    goals.push({
      benchmark: '6. credit',
      figure: `risk board (${b.as})`,
      value: `p50 ${b.sequential.p50} ms, p95 ${b.sequential.p95} ms`,
      ratio: null,
      goal: `p95 < ${BOARD_GOAL_MS} ms`,
      pass: b.sequential.p95 < BOARD_GOAL_MS && b.load.non2xx === 0,
    })
  for (const f of c.failures ?? [])
    goals.push({
      benchmark: '6. credit',
      figure: 'risk board',
      value: f.replace(/^6\. credit: /, ''),
      ratio: null,
      goal: `p95 < ${BOARD_GOAL_MS} ms`,
      pass: false,
    })
  return goals
}

const round1 = (n: number) => Math.round(n * 10) / 10

function creditSection(c: CreditResult, r: BenchResults): string[] {
  const out: string[] = ['', '## 6. Credit (issue 16)', '']
  const writes = (w: CreditResult['scores']['writes']) =>
    w.length
      ? w
          .slice(0, 6)
          .map((t) => `${t.table} +${t.inserted}/~${t.updated}/-${t.deleted}`)
          .join(', ')
      : 'nothing'
  out.push(
    `Both whole-data-set steps ran inside the built app (booted like an ace command, production mode), one after the other, over the bench data set's ${c.institutions} institutions, after the credit module's tables and the messages it queued were emptied (each run measures the same first night, when every warning is new; the second night follows at once, as most nights are, when little changes): the nightly risk evaluation is \`evaluateRisk()\` then \`advanceRiskWarnings()\`, what \`credit.evaluate_risk\` does at 03:15; the credit recompute is the \`credit.recompute_scores\` job with an empty payload, executed as a worker executes it. Rows written are pg_stat_user_tables' inserted (+), updated (~) and deleted (-) tuples before and after. Goal: the whole night < 5 min at national scale (120,000 institutions).`,
    ''
  )
  const night = (n: CreditResult['nightlyRisk'], which: string) => [
    `risk evaluation, ${which} (${n.run.institutions} evaluated: ${n.run.raised} raised, ${n.run.changed} changed, ${n.run.lifted} lifted) + lifecycle (${n.lifecycle.urged} urged, ${n.lifecycle.noticed} noticed)`,
    `${round1(n.ms / 1000)} s (${round1(n.evaluateMs / 1000)} + ${round1(n.advanceMs / 1000)})`,
    n.rowsWritten,
    writes(n.writes),
    `${n.processPeakRssMb} MB`,
    `app CPU ${round1(n.appCpuMs / 1000)} s · ${profile(null, n.waits, false)}`,
  ]
  out.push(
    table(
      [
        'step',
        'wall time',
        'rows written',
        'by table',
        'process peak RSS',
        'app CPU · database sessions',
      ],
      [
        night(c.nightlyRisk, 'first night'),
        night(c.secondNight, 'second night'),
        [
          `credit score recompute (${c.scores.scored} scores held afterwards)`,
          `${round1(c.scores.ms / 1000)} s`,
          c.scores.rowsWritten,
          writes(c.scores.writes),
          `${c.scores.processPeakRssMb} MB`,
          `app CPU ${round1(c.scores.appCpuMs / 1000)} s · ${profile(null, c.scores.waits, false)}`,
        ],
      ]
    )
  )
  out.push(
    '',
    `**One institution** re-evaluated as an event's jobs do it (\`evaluateRisk([id])\`, then the \`credit.recompute_scores\` job for that institution), ${c.single.risk.samples} filed institutions one after the other (those with open warnings first): risk p50 ${c.single.risk.p50} ms, p95 **${c.single.risk.p95} ms**, max ${c.single.risk.max} ms; score p50 ${c.single.score.p50} ms, p95 **${c.single.score.p95} ms**, max ${c.single.score.max} ms. Goal: < 200 ms.`
  )
  out.push(
    '',
    `**Risk board** \`GET /manage/risk\` signed in through the real form, the ministry (the whole country) and the county ${r.dashboards?.county.code ?? ''}: autocannon with ${c.boards[0]?.load.connections ?? 1} connection(s), ${r.app.requestsPerConnection ? 'a fixed number of requests (short mode)' : `${r.app.loadSeconds} s`} after a 1 s warm-up, then ${c.boards[0]?.sequential.samples ?? 0} requests one after another for the exact p50 and p95. Goal: p95 < 200 ms.`,
    ''
  )
  out.push(
    table(
      [
        'as',
        'region',
        'req/s',
        'p50 ms',
        'p95 ms (sequential)',
        'p90 / p99 ms (autocannon)',
        'non-2xx/errors',
        'CPU · database sessions',
        '',
      ],
      c.boards.map((b) => [
        b.as,
        b.regionCode,
        b.load.rps,
        b.sequential.p50,
        b.sequential.p95,
        `${b.load.latency.p90} / ${b.load.latency.p99}`,
        `${b.load.non2xx}/${b.load.errors}`,
        profile(b.load.cpu, b.load.waits),
        mark(b.sequential.p95 < BOARD_GOAL_MS),
      ])
    )
  )
  return out
}

function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((c) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

export function summaryTable(r: BenchResults): string {
  return table(
    ['benchmark', 'figure', 'measured', 'ratio', 'goal', ''],
    r.goals.map((g) => [g.benchmark, g.figure, g.value, g.ratio ?? '', g.goal, mark(g.pass)])
  )
}

/** Where the time went: CPU of the server, PostgreSQL and the load generator (% of one core), and the database sessions' main waits. */
export function profile(
  cpu?: CpuUse | null,
  waits?: WaitProfile | null,
  loadGenerator = true
): string {
  const parts: string[] = []
  if (cpu) {
    const cores = [
      cpu.serverPct !== null ? `node ${cpu.serverPct}%` : null,
      cpu.postgresPct !== null ? `pg ${cpu.postgresPct}%` : null,
      loadGenerator ? `loadgen ${cpu.loadGeneratorPct}%` : null,
      cpu.otherPct !== null ? `other ${cpu.otherPct}%` : null,
    ].filter(Boolean)
    parts.push(cores.join(', '))
  }
  if (waits && waits.top.length)
    parts.push(
      `${waits.meanActive} active: ${waits.top
        .slice(0, 3)
        .map((w) => `${w.wait} ${pct(w.share)}`)
        .join(', ')}`
    )
  return parts.join(' · ')
}

function loadRow(l: LoadResult, floor?: LoadResult) {
  return [
    l.name,
    `\`${l.example.length > 70 ? `${l.example.slice(0, 67)}…` : l.example}\``,
    l.connections,
    l.rps,
    floor ? pct(floor.rps ? l.rps / floor.rps : 0) : '',
    l.latency.p50,
    l.latency.p90,
    l.latency.p99,
    l.latency.max,
    `${l.non2xx}/${l.errors}/${l.timeouts}`,
    profile(l.cpu, l.waits),
  ]
}
const LOAD_HEADERS = [
  'load',
  'example request',
  'conns',
  'req/s (2xx)',
  'of floor',
  'p50 ms',
  'p90 ms',
  'p99 ms',
  'max ms',
  'non-2xx/errors/timeouts',
  'CPU (% of a core) · database sessions',
]

export function markdown(r: BenchResults, chartFile: string | null): string {
  const m = r.machine
  const out: string[] = []
  out.push(`# Benchmark results — ${r.startedAt.slice(0, 10)}`)
  out.push('')
  out.push(
    `Generated by \`npm run bench\`${r.mode === 'short' ? ' --short' : ''} (scale **${r.scale}**, ${r.mode} mode) on ${r.startedAt.replace('T', ' ').slice(0, 19)} UTC; the run took ${Math.round(r.seconds)} s. Ratios compare loads measured in this same run: absolute numbers drift on shared machines, ratios much less.`
  )
  if (r.failures.length) out.push('', `**The run failed:**`, '', ...r.failures.map((f) => `- ${f}`))
  out.push('', '## Summary', '', summaryTable(r))
  out.push('', '## Machine', '')
  out.push(
    table(
      ['', ''],
      [
        [
          'CPU',
          `${m.cpuModel} × ${m.cores} (load average at start ${m.loadAverage.join(', ')}${m.loadAverageEnd ? `, at the end ${m.loadAverageEnd.join(', ')}` : ''})`,
        ],
        ['memory', `${m.memoryGb} GiB`],
        ['OS', m.os],
        ['Node.js', m.node],
        [
          'PostgreSQL',
          `${m.postgres.version.split(' on ')[0]} — shared_buffers ${m.postgres.sharedBuffers}, max_connections ${m.postgres.maxConnections}, work_mem ${m.postgres.workMem}, synchronous_commit ${m.postgres.synchronousCommit}`,
        ],
        [
          'app',
          `production build (\`node ace build\`), NODE_ENV=${r.app.nodeEnv}, one process, database pool ${r.app.databasePoolMax}, sessions and queue in PostgreSQL; booted in ${r.app.bootMs} ms${r.app.buildSeconds !== null ? `, built in ${r.app.buildSeconds} s` : ''}`,
        ],
        [
          'load generator',
          `${r.app.loadGenerator} in the benchmark process, same machine, ${r.app.connections} connections, ${r.app.requestsPerConnection ? `${r.app.requestsPerConnection} requests per connection per load (short mode)` : `${r.app.loadSeconds} s per load`}`,
        ],
      ]
    )
  )
  out.push(
    '',
    '## Data',
    '',
    `Source: ${r.data.source}${r.data.seededAt ? `, seeded ${r.data.seededAt}` : ''}; database size ${r.data.databaseSize}.`,
    ''
  )
  out.push(
    table(
      ['table', 'rows'],
      Object.entries(r.data.rowCounts).map(([t, n]) => [t, n.toLocaleString('en-US')])
    )
  )

  out.push(
    '',
    `The **CPU** columns give each party's use during a load in % of one core (the machine has ${m.cores}): \`node\` is the app server, \`pg\` PostgreSQL working for the benchmark's databases, \`loadgen\` autocannon in the benchmark process, \`other\` everything else on the machine (other programs, other databases): a high \`other\` means the figures of that load are disturbed. **Database sessions** are pg_stat_activity samples every 100 ms of the benchmark database: the mean number of busy sessions and what they were doing (\`CPU\`: running; \`Lock:transactionid\`/\`Lock:tuple\`: waiting for a row another transaction holds; \`IO:WALSync\`/\`LWLock:WALWrite\`: waiting for a commit to reach disk; *in transaction, waiting for the app*: holding a transaction open between two statements).`
  )
  if (r.public) {
    const p = r.public
    out.push('', '## 1. Public search and institution page', '')
    out.push(
      `Each load runs ${r.app.loadSeconds} s at ${p.floor.connections} connections after a warm-up. The **stack floor** is \`GET /bench/floor\` (registered only with BENCH_ROUTES): 20 institutions by primary key through a tiny Edge template, behind the same middleware (session, shield, auth, i18n). Search page 1 cycles through ${p.sample.searches} fuzzy 3–4 character terms taken from real names, each with its province as the region filter (e.g. ${p.sample.exampleTerms.map((t) => `“${t}”`).join(', ')}): popular searches, asked again and again, which the app caches for a minute; “first time asked” sends ${p.sample.firstTimeSearches ?? 0} distinct such searches, none asked before in the run, so every answer comes from the database; the deep page is page ${p.sample.deep.page} of “${p.sample.deep.term}” in province ${p.sample.deep.region} (${p.sample.deep.matches} matches, ${p.sample.deep.lastPage} pages); the institution page cycles through ${p.sample.pages} filed institutions. Goal: ≥ 60% of the floor's req/s and p99 < 100 ms.`,
      ''
    )
    out.push(
      table(LOAD_HEADERS, [
        loadRow(p.floor, p.floor),
        loadRow(p.searchFirst, p.floor),
        ...(p.searchFresh ? [loadRow(p.searchFresh, p.floor)] : []),
        loadRow(p.searchDeep, p.floor),
        loadRow(p.publicPage, p.floor),
      ])
    )
  }
  if (r.payments) {
    const p = r.payments
    out.push('', '## 2. Payment callbacks and refunds', '')
    out.push(
      `${p.prepared.payments} orders awaiting payment, each with a pending sandbox payment, were prepared set-based before the clock started (${p.prepared.ms} ms). pgbench's TPC-B ran against its own database on the same server, with the same client count, for as long as the callbacks took. Goal: ≥ 30% of pgbench's tps, the ledger balanced afterwards.`,
      ''
    )
    const cb = (label: string, c: PaymentsResult['callbacks'], what: string) => [
      label,
      what,
      c.load.connections,
      `${c.outcomes.applied}/${c.outcomes.duplicate}/${c.outcomes.rejected}/${c.outcomes.other}`,
      c.load.seconds,
      c.tps,
      pct(p.pgbench.tps ? c.tps / p.pgbench.tps : 0),
      c.load.latency.p50,
      c.load.latency.p99,
      `${c.load.non2xx}/${c.load.errors}`,
      profile(c.load.cpu, c.load.waits),
    ]
    const rows: (string | number)[][] = [
      cb(
        'payment callbacks',
        p.callbacks,
        'signed `payment.succeeded` → POST /api/pay/notify/sandbox: verify, lock payment and order, post channel → supervised, keep the notice'
      ),
      cb('duplicates', p.duplicates, 'the same notices again, re-signed (a provider retrying)'),
    ]
    if (p.refundCallbacks)
      rows.push(
        cb(
          'refund callbacks',
          p.refundCallbacks,
          'signed `refund.succeeded` for each approved refund: post refunding → channel'
        )
      )
    out.push(
      table(
        [
          'load',
          'what',
          'conns',
          'applied/duplicate/rejected/other',
          'seconds',
          'applied tps',
          'of pgbench',
          'p50 ms',
          'p99 ms',
          'non-2xx/errors',
          'CPU (% of a core) · database sessions',
        ],
        rows
      )
    )
    const q = p.refundRequests
    out.push(
      '',
      `**Refund requests** (the parent's \`RequestRefund\` action called in-process inside the built app, ${q.concurrency} at a time, database pool ${r.app.databasePoolMax}; before the first class a refund is approved at once: order locked, refund and bank instruction written, supervised → refunding posted, then the channel is asked to pay back — here a local stand-in that accepts): ${q.requested} requested, ${q.approvedAtOnce} approved at once, ${q.awaitingInstitution} waiting for the institution (classes already started), ${q.errors} errors${q.errorSamples.length ? ` (${q.errorSamples.slice(0, 3).join('; ')})` : ''}; ${q.seconds} s → **${q.tps} approved refunds/s** (${pct(p.pgbench.tps ? q.tps / p.pgbench.tps : 0)} of pgbench), latency p50 ${q.latency.p50} ms, p99 ${q.latency.p99} ms, max ${q.latency.max} ms; that process peaked at ${q.processPeakRssMb} MB; ${profile(q.cpu, q.waits, false)}.`
    )
    out.push(
      '',
      `**pgbench**: ${p.pgbench.tool}${p.pgbench.version ? ` (${p.pgbench.version})` : ''}, scale ${p.pgbench.scale}, ${p.pgbench.clients} clients, ${p.pgbench.seconds} s: **${p.pgbench.tps} tps**, latency average ${ms(p.pgbench.latencyAvgMs)}, ${p.pgbench.transactions} transactions, ${p.pgbench.failed} failed; ${profile(p.pgbench.cpu, p.pgbench.waits, false)}.`
    )
    out.push(
      '',
      `**Idempotency**: the ${p.duplicates.outcomes.duplicate + p.duplicates.outcomes.applied + p.duplicates.outcomes.rejected} repeated notices added ${p.duplicates.ledgerTransactionsAdded} ledger transactions.`
    )
    out.push(
      '',
      `**Ledger afterwards** (\`ledgerProblems()\`, as \`node ace funds:check-ledger\`, over the whole book in ${Math.round(p.ledger.ms)} ms): ${p.ledger.clean ? `balanced — ${p.ledger.transactions} transactions, ${p.ledger.entries} entries, every transaction sums to zero, every running balance equals its entries, no account overdrawn, every order's totals match` : `**problems**: \`${JSON.stringify(p.ledger.problems).slice(0, 600)}\``}.`
    )
  }
  if (r.dashboards) {
    const d = r.dashboards
    out.push('', '## 3. Dashboards', '')
    out.push(
      `\`/manage/reports\` signed in through the real form as an admin of each level; ${d.national.connections} connection(s), ${r.app.loadSeconds} s per page after a 1 s warm-up. The county is ${d.county.name} (${d.county.code}), the one with the most filed institutions (${d.county.institutions}): its page lists them 50 a page beside its totals. Goal: national < 200 ms, county < 50 ms (judged on p99).`,
      ''
    )
    out.push(
      table(
        [
          'page',
          'as',
          'req/s',
          'p50 ms',
          'p90 ms',
          'p99 ms',
          'max ms',
          'non-2xx/errors',
          'CPU · database sessions',
          'goal',
          '',
        ],
        [
          [
            'national totals',
            'ministry',
            d.national.rps,
            d.national.latency.p50,
            d.national.latency.p90,
            d.national.latency.p99,
            d.national.latency.max,
            `${d.national.non2xx}/${d.national.errors}`,
            profile(d.national.cpu, d.national.waits),
            '< 200 ms',
            mark(d.national.latency.p99 < 200),
          ],
          ...d.drillDowns.map((c) => [
            `county ${d.county.code}`,
            c.level,
            c.rps,
            c.latency.p50,
            c.latency.p90,
            c.latency.p99,
            c.latency.max,
            `${c.non2xx}/${c.errors}`,
            profile(c.cpu, c.waits),
            '< 50 ms',
            mark(c.latency.p99 < 50),
          ]),
        ]
      )
    )
  }
  if (r.import) {
    const i = r.import
    out.push('', '## 4. Batch import', '')
    out.push(
      `A ${i.rows}-row workbook (${i.fileMb} MB) in the template the app serves, uploaded over HTTP by a province bureau; the queue worker (\`queue:work --queue=imports\`, started beforehand) validated it, the bureau started the import, the worker wrote each institution (its filing parts, sealed personal data, list status). Timed from the upload to "done". The worker polls for jobs every 2 s when idle, which is part of the time.`,
      ''
    )
    out.push(
      table(
        [
          'status',
          'created/updated',
          'upload s',
          'validation s',
          'import s',
          'total s',
          'rows/s',
          'worker peak RSS',
          'worker VmHWM',
          'server peak RSS',
          'goal',
          '',
        ],
        [
          [
            i.status,
            `${i.created}/${i.updated}`,
            i.uploadSeconds,
            i.validationSeconds,
            i.importSeconds,
            i.totalSeconds,
            i.rowsPerSecond,
            `${i.workerPeakRssMb} MB`,
            `${i.workerHwmMb} MB`,
            `${i.serverPeakRssMb} MB`,
            i.rows === 10_000 ? '< 60 s' : 'n/a (not 10,000 rows)',
            mark(i.status !== 'done' ? false : i.rows === 10_000 ? i.totalSeconds < 60 : null),
          ],
        ]
      )
    )
    if (i.failure) out.push('', `Failure: ${i.failure}`)
    if (i.rowErrors.length)
      out.push('', `Row errors: \`${JSON.stringify(i.rowErrors).slice(0, 800)}\``)
  }
  if (r.memory) {
    out.push('', '## 5. Memory', '')
    out.push(
      `The server's RSS, sampled every 100 ms from /proc during the loads of benchmarks 1 and 2: peak **${r.memory.peakRssMb} MB**; its VmHWM (peak since start) after benchmark 2: ${r.memory.hwmMb ?? '—'} MB; after boot: ${r.memory.bootRssMb ?? '—'} MB; at the end of the run (after the dashboards and the import upload as well): ${r.memory.endHwmMb ?? '—'} MB. Goal (benchmarks 1 and 2): < 512 MB.`
    )
  }
  if (r.credit) out.push(...creditSection(r.credit, r))
  if (r.explain) {
    out.push('', '## EXPLAIN checks', '')
    out.push(
      "Each hot query (SQL copied from the code path named) is explained twice: with `enable_seqscan = off` it must not scan its tables sequentially (an index able to serve it exists, whatever the data size), and with the planner's own choice a table of 10,000 rows or more must not be scanned sequentially. A failure fails the run.",
      ''
    )
    out.push(
      table(
        ['query', 'source', 'tables (rows)', 'plan', 'with seq scans off', ''],
        r.explain.map((e) => [
          e.name,
          e.source,
          e.tables.map((t) => `${t.name} (${t.rows})`).join(', '),
          e.plan.join('; '),
          e.forcedPlan.join('; '),
          e.pass
            ? '✅'
            : `❌ ${e.problem} — indexes there: ${e.tables.map((t) => `${t.name}: ${t.indexes.join(', ') || 'none'}`).join('; ')}`,
        ])
      )
    )
  }
  if (chartFile)
    out.push('', '## Latency distributions', '', `![latency by percentile](${chartFile})`)
  if (r.notes.length) out.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`))
  out.push('')
  return out.join('\n')
}

export function chartOf(r: BenchResults): string | null {
  const loads: LoadResult[] = []
  if (r.public)
    loads.push(
      r.public.floor,
      r.public.searchFirst,
      ...(r.public.searchFresh ? [r.public.searchFresh] : []),
      r.public.searchDeep,
      r.public.publicPage
    )
  if (r.payments)
    loads.push(
      r.payments.callbacks.load,
      ...(r.payments.refundCallbacks ? [r.payments.refundCallbacks.load] : [])
    )
  if (r.dashboards) loads.push(r.dashboards.national, ...r.dashboards.drillDowns)
  if (r.credit) loads.push(...r.credit.boards.map((b) => b.load))
  if (!loads.length) return null
  return latencyChart(
    `Latency by percentile — ${r.startedAt.slice(0, 10)}, scale ${r.scale}`,
    loads.map((l) => ({ name: `${l.name} (${l.connections} c)`, points: l.percentiles }))
  )
}

export function writeReport(r: BenchResults, outDir: string): { markdown: string; json: string } {
  mkdirSync(outDir, { recursive: true })
  const date = r.startedAt.slice(0, 10)
  const chart = chartOf(r)
  const chartFile = chart ? `${date}-latency.svg` : null
  if (chart) writeFileSync(join(outDir, chartFile!), chart)
  const md = join(outDir, `${date}.md`)
  const json = join(outDir, `${date}.json`)
  writeFileSync(md, markdown(r, chartFile))
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`)
  return { markdown: md, json }
}

const START = '<!-- bench:summary:start (generated by `npm run bench`; do not edit by hand) -->'
const END = '<!-- bench:summary:end -->'

/** Replaces the summary between the README's markers with this run's. */
export function updateReadme(readme: string, r: BenchResults) {
  if (!existsSync(readme)) return
  const text = readFileSync(readme, 'utf8')
  const date = r.startedAt.slice(0, 10)
  const block = [
    START,
    `Latest run: ${date}, scale **${r.scale}**, ${r.machine.cpuModel} × ${r.machine.cores}, ${r.machine.memoryGb} GiB (full report: [bench/results/${date}.md](bench/results/${date}.md)).`,
    '',
    summaryTable(r),
    END,
  ].join('\n')
  const s = text.indexOf(START.slice(0, 30))
  const e = text.indexOf(END)
  if (s >= 0 && e > s) writeFileSync(readme, text.slice(0, s) + block + text.slice(e + END.length))
}
