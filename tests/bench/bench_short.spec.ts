/*
| Every benchmark in its very short mode (`npm run bench -- --short`):
| the production build against smoke-scale data from the generator, on this
| run's database server, results in a temp folder. It checks that each
| benchmark works and produced its figures, that the ledger is balanced
| afterwards and that the EXPLAIN checks ran, never how fast anything is:
| the full benchmark is `npm run bench`, not a test.
*/
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import type { BenchResults } from '../../bench/lib/report.js'
import type { LoadResult } from '../../bench/lib/load.js'

const ROOT = new URL('../../', import.meta.url).pathname

function runShortBench(outDir: string): Promise<{ code: number | null; output: string }> {
  /* The harness gives the app's processes their own environment; it must not inherit the test's. */
  const env = { ...process.env }
  delete env.NODE_ENV
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import=@poppinss/ts-exec',
        'bench/run.ts',
        '--short',
        '--server',
        process.env.DATABASE_URL!,
        '--out',
        outDir,
      ],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => resolve({ code, output }))
  })
}

test.group('npm run bench -- --short', (group) => {
  let outDir: string
  let results: BenchResults
  let output = ''

  group.setup(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'xiaowai-bench-test-'))
    const run = await runShortBench(outDir)
    output = run.output
    const json = readdirSync(outDir).find((f) => f.endsWith('.json'))
    if (!json)
      throw new Error(
        `The short benchmark wrote no results (exit ${run.code}):\n${output.slice(-4000)}`
      )
    results = JSON.parse(readFileSync(join(outDir, json), 'utf8'))
    return () => rmSync(outDir, { recursive: true, force: true })
  })

  const worked = (assert: any, load: LoadResult | undefined, label: string) => {
    assert.exists(load, `${label} ran`)
    assert.isAbove(load!.ok, 0, `${label} got 2xx answers`)
    assert.isAbove(load!.rps, 0, `${label} has a req/s figure`)
    assert.isAbove(load!.latency.p99, 0, `${label} has a p99`)
    assert.equal(
      load!.non2xx + load!.errors + load!.timeouts,
      0,
      `${label} answered every request with 2xx`
    )
  }

  test('every benchmark ran, against the production build and generated data', ({ assert }) => {
    assert.deepEqual(
      results.failures.filter((f) => !f.startsWith('EXPLAIN ')),
      [],
      output.slice(-3000)
    )
    assert.equal(results.mode, 'short')
    assert.equal(results.scale, 'smoke')
    assert.equal(results.app.nodeEnv, 'production')
    assert.match(results.data.source, /bench:seed/)
    assert.isAbove(results.data.rowCounts.institutions!, 0)
  })

  test('public search, deep page and institution page beside the stack floor', ({ assert }) => {
    const p = results.public!
    worked(assert, p.floor, 'stack floor')
    worked(assert, p.searchFirst, 'search page 1')
    worked(assert, p.searchFresh, 'search page 1, first time asked')
    worked(assert, p.searchDeep, 'search deep page')
    worked(assert, p.publicPage, 'institution page')
    assert.isAbove(p.sample.deep.matches, 0)
  })

  test('payment callbacks and refunds beside pgbench, idempotent, the ledger balanced afterwards', ({
    assert,
  }) => {
    const p = results.payments!
    assert.equal(p.callbacks.outcomes.applied, p.prepared.payments, 'every callback applied once')
    assert.equal(p.callbacks.outcomes.rejected, 0)
    assert.isAbove(p.callbacks.tps, 0)
    assert.equal(p.duplicates.outcomes.applied, 0, 'a repeated callback applies nothing')
    assert.equal(p.duplicates.ledgerTransactionsAdded, 0, 'a repeated callback moves no money')
    assert.isAbove(p.pgbench.tps, 0, 'pgbench measured')
    assert.isAbove(p.refundRequests.approvedAtOnce, 0, 'refunds approved')
    assert.equal(p.refundRequests.errors, 0, p.refundRequests.errorSamples.join('; '))
    assert.isAbove(p.refundRequests.tps, 0)
    assert.equal(
      p.refundCallbacks!.outcomes.applied,
      p.refundRequests.approvedAtOnce,
      'every refund settled by its callback'
    )
    assert.isTrue(p.ledger.clean, JSON.stringify(p.ledger.problems))
  })

  test('dashboards: national totals and a county drill-down for each admin level', ({ assert }) => {
    const d = results.dashboards!
    worked(assert, d.national, 'national dashboard')
    assert.sameMembers(
      d.drillDowns.map((c) => c.level),
      ['ministry', 'province', 'city', 'county']
    )
    for (const c of d.drillDowns) worked(assert, c, `county drill-down as ${c.level}`)
  })

  test('batch import from .xlsx, with its time and peak memory', ({ assert }) => {
    const i = results.import!
    assert.equal(i.status, 'done', i.failure ?? '')
    assert.equal(i.created, i.rows)
    assert.isAbove(i.totalSeconds, 0)
    assert.isAbove(i.workerPeakRssMb, 0)
  })

  test('memory under the loads, EXPLAIN checks, and the report', ({ assert }) => {
    assert.isAbove(results.memory!.peakRssMb, 0)
    assert.isAtLeast(results.explain!.length, 10)
    for (const e of results.explain!) {
      assert.isNotEmpty(e.plan, `${e.name} has a plan`)
      assert.isNotEmpty(e.forcedPlan, `${e.name} has a plan without seq scans`)
    }
    assert.isNotEmpty(results.goals)
    const date = results.startedAt.slice(0, 10)
    const markdown = readFileSync(join(outDir, `${date}.md`), 'utf8')
    assert.include(markdown, '## Summary')
    assert.include(markdown, '## Machine')
    assert.isTrue(existsSync(join(outDir, `${date}-latency.svg`)))
  })
})
