/*
| `npm run bench`: the benchmark harness.
|
| Builds the app, makes sure the bench database is migrated and seeded by
| the data generator (`node ace bench:seed --scale …`, once per scale),
| starts the production build with NODE_ENV=production on 127.0.0.1, runs
| the benchmarks against it with autocannon (and pgbench beside the
| payments), samples the server's memory, stops it, and writes
| bench/results/<date>.md and .json (and README's summary table).
|
|   npm run bench                          national scale, full run
|   npm run bench -- --scale province      a smaller data set
|   npm run bench -- --short               every benchmark in a very short mode (smoke data, temp results)
|   npm run bench -- --only public,explain
|
| Ratios are measured in the same run, because absolute numbers on shared
| machines drift. Exits non-zero when an EXPLAIN check fails, the ledger is
| not balanced afterwards, or a benchmark could not run; a missed goal is
| reported, not fatal.
*/
import { mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ROOT, ace, appEnv, appKey, buildApp, buildIsCurrent, startServer } from './lib/app.js'
import { startChannelStub } from './lib/channel.js'
import {
  dropDatabase,
  ensureDatabase,
  query,
  readMarker,
  rowCounts,
  withClient,
  withDatabase,
  writeMarker,
} from './lib/database.js'
import { runExplainChecks, sampleFor } from './lib/explain.js'
import { describeMachine } from './lib/machine.js'
import { type BenchOptions, parseOptions } from './lib/options.js'
import { freePort, memoryOf, round } from './lib/processes.js'
import { type BenchResults, goalsOf, updateReadme, writeReport } from './lib/report.js'
import type { BenchContext } from './scenarios/context.js'
import { publicPages } from './scenarios/public_pages.js'
import { payments } from './scenarios/payments.js'
import { type Bureaus, bureaus, dashboards } from './scenarios/dashboards.js'
import { batchImport } from './scenarios/batch_import.js'
import { credit } from './scenarios/credit.js'

const DATABASE_POOL_MAX = 10

export interface RunOutcome {
  results: BenchResults
  files: { markdown: string; json: string }
}

function assertOwnDatabase(name: string, prefix: string) {
  if (!name.startsWith(prefix))
    throw new Error(
      `Refusing to use database "${name}": the benchmark only touches databases named ${prefix}…`
    )
}

/** Does bench:seed exist in this checkout (the data generator)? */
async function hasBenchSeed(env: NodeJS.ProcessEnv, log: string): Promise<boolean> {
  const listed = await ace(['list'], env, { log, allowFailure: true })
  return (
    /bench:seed/.test(listed.tail) ||
    /bench:seed/.test((await ace(['list', 'bench'], env, { log, allowFailure: true })).tail)
  )
}

/** Migrates the bench database and seeds it once per scale (a different scale starts from an empty database). */
async function prepareData(
  options: BenchOptions,
  env: NodeJS.ProcessEnv,
  log: string,
  say: (m: string) => void
) {
  const databaseUrl = withDatabase(options.serverUrl, options.database)
  await ensureDatabase(options.serverUrl, options.database)
  const marker = await readMarker(options.serverUrl, options.database)
  const want =
    options.seed === 'none'
      ? null
      : { source: options.seed, scale: options.seed === 'demo' ? 'demo' : options.scale }
  const current = marker && want && marker.source === want.source && marker.scale === want.scale
  if (!want || current) {
    say(
      want
        ? `Data: seeded by ${marker!.source} at scale ${marker!.scale} on ${marker!.at}`
        : 'Data: as it is (--seed none)'
    )
    await ace(['migration:run', '--force'], env, { log })
    return {
      databaseUrl,
      source: marker
        ? `${marker.source === 'bench' ? 'node ace bench:seed' : 'demo seeder'} (scale ${marker.scale})`
        : 'existing data',
      seededAt: marker?.at ?? null,
      fresh: false,
    }
  }
  if (marker) {
    say(
      `Data: the database holds ${marker.source}/${marker.scale}; starting again from an empty database`
    )
    await dropDatabase(options.serverUrl, options.database)
    await ensureDatabase(options.serverUrl, options.database)
  }
  say('Migrating')
  await ace(['migration:run', '--force'], env, { log })
  const [{ n }] = await query(databaseUrl, 'SELECT count(*) AS n FROM institutions')
  if (Number(n) > 0) {
    say('Data: the database has data but no seed marker; starting again from an empty database')
    await dropDatabase(options.serverUrl, options.database)
    await ensureDatabase(options.serverUrl, options.database)
    await ace(['migration:run', '--force'], env, { log })
  }
  const started = Date.now()
  if (want.source === 'bench') {
    if (!(await hasBenchSeed(env, log)))
      throw new Error(
        'node ace bench:seed is not available in this checkout (the data generator); use --seed demo to benchmark the demo data'
      )
    say(`Seeding with node ace bench:seed --scale=${options.scale} (this can take a while)`)
    /* The generator refuses production (it writes made-up people and money); it analyzes the tables itself. */
    await ace(
      ['bench:seed', `--scale=${options.scale}`],
      { ...env, NODE_ENV: 'development' },
      { log, echo: options.verbose }
    )
  } else {
    say('Seeding the demo data (node ace db:seed, development mode)')
    await ace(['db:seed'], { ...env, NODE_ENV: 'development' }, { log })
    await query(databaseUrl, 'ANALYZE')
  }
  say(`Seeded in ${Math.round((Date.now() - started) / 1000)} s`)
  const at = new Date().toISOString()
  await writeMarker(options.serverUrl, options.database, {
    source: want.source,
    scale: want.scale,
    at,
  })
  return {
    databaseUrl,
    source:
      want.source === 'bench'
        ? `node ace bench:seed --scale ${options.scale}`
        : 'demo seeder (node ace db:seed)',
    seededAt: at,
    fresh: true,
  }
}

export async function runBench(options: BenchOptions): Promise<RunOutcome> {
  const startedAt = new Date()
  assertOwnDatabase(options.database, 'xiaowai_bench')
  assertOwnDatabase(options.pgbenchDatabase, 'xiaowai_pgbench')
  const workDir = join(tmpdir(), `xiaowai-bench-run-${process.pid}-${Date.now().toString(36)}`)
  mkdirSync(workDir, { recursive: true })
  const log = join(workDir, 'bench.log')
  const say = (message: string) => console.log(`[bench] ${message}`)
  say(
    `Scale ${options.scale}${options.short ? ', short mode' : ''}; child process output in ${log}`
  )

  const stub = await startChannelStub()
  const channelSecret = randomBytes(24).toString('hex')
  const settings = {
    databaseUrl: withDatabase(options.serverUrl, options.database),
    appKey: appKey(options.short),
    port: options.port,
    channelUrl: stub.url,
    channelSecret,
  }
  const failures: string[] = []
  const notes: string[] = []
  let buildSeconds: number | null = null
  let bootMs = 0
  let completed = false
  let server: Awaited<ReturnType<typeof startServer>> | null = null
  const results: Partial<BenchResults> = {}

  try {
    settings.port = await freePort(options.port)
    const env = appEnv(settings, { DATABASE_POOL_MAX: String(DATABASE_POOL_MAX) })
    if (options.build === 'always' || (options.build === 'auto' && !buildIsCurrent())) {
      say('Building the app (node ace build)')
      buildSeconds = round((await buildApp(env, log)) / 1000, 1)
    } else
      say(
        options.build === 'never'
          ? 'Using build/ as it is (--no-build)'
          : 'build/ is newer than every source file: not rebuilding'
      )
    const data = await prepareData(options, env, log, say)
    const databaseUrl = data.databaseUrl
    const machine = await describeMachine(databaseUrl)
    const counts = await rowCounts(databaseUrl)

    if (options.only.includes('explain')) {
      say('EXPLAIN checks')
      try {
        const sample = await withClient(databaseUrl, (client) => sampleFor(client, 50))
        results.explain = await runExplainChecks(databaseUrl, sample)
        for (const e of results.explain.filter((x) => !x.pass))
          failures.push(`EXPLAIN ${e.name}: ${e.problem}`)
      } catch (error) {
        failures.push(`EXPLAIN checks could not run: ${(error as Error).message}`)
      }
    }

    say('Starting the production build')
    server = await startServer(env, log)
    bootMs = server.bootMs
    const serverPid = server.child.pid!
    const bootRssMb = memoryOf(serverPid)?.rssMb ?? null
    const ctx: BenchContext = {
      options,
      base: `http://127.0.0.1:${settings.port}`,
      serverPid,
      env,
      databaseUrl,
      database: { url: databaseUrl, name: options.database },
      channelSecret,
      log,
      workDir,
      say,
    }

    const attempt = async <T>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
      say(name)
      try {
        return await work()
      } catch (error) {
        failures.push(
          `${name} could not run: ${(error as Error).message.split('\n').slice(0, 6).join(' ')}`
        )
        console.error(error)
        return undefined
      }
    }

    if (options.only.includes('public'))
      results.public = await attempt('1. public search and institution page', () =>
        publicPages(ctx)
      )
    if (options.only.includes('payments')) {
      results.payments = await attempt('2. payment callbacks and refunds', () => payments(ctx))
      if (results.payments && !results.payments.ledger.clean)
        failures.push('The ledger is not balanced after the payment benchmarks')
      if (
        results.payments &&
        (results.payments.duplicates.outcomes.applied > 0 ||
          results.payments.duplicates.ledgerTransactionsAdded > 0)
      ) {
        failures.push('Duplicate callbacks moved money')
      }
    }
    const loads = [
      ...(results.public
        ? [
            results.public.floor,
            results.public.searchFirst,
            ...(results.public.searchFresh ? [results.public.searchFresh] : []),
            results.public.searchDeep,
            results.public.publicPage,
          ]
        : []),
      ...(results.payments
        ? [
            results.payments.callbacks.load,
            results.payments.duplicates.load,
            ...(results.payments.refundCallbacks ? [results.payments.refundCallbacks.load] : []),
          ]
        : []),
    ]
    if (loads.length) {
      results.memory = {
        peakRssMb: Math.max(...loads.map((l) => l.serverPeakRssMb ?? 0)),
        hwmMb:
          results.payments?.serverHwmMb ??
          (memoryOf(serverPid) ? round(memoryOf(serverPid)!.hwmMb) : null),
        bootRssMb: bootRssMb === null ? null : round(bootRssMb),
      }
    }

    const wantCredit = options.only.includes('credit')
    let found: Bureaus | undefined
    if (options.only.includes('dashboards') || options.only.includes('import') || wantCredit)
      found = await attempt('Bench admins of each level', () => bureaus(ctx))
    if (found && options.only.includes('dashboards'))
      results.dashboards = await attempt('3. dashboards', () => dashboards(ctx, found))
    if (found && options.only.includes('import')) {
      results.import = await attempt('4. batch import', () => batchImport(ctx, found))
      if (results.import && results.import.status !== 'done')
        failures.push(`The import ended ${results.import.status}: ${results.import.failure ?? ''}`)
    }
    if (found && wantCredit)
      results.credit = await attempt('6. credit: nightly run, one institution, risk board', () =>
        credit(ctx, found)
      )
    failures.push(...(results.credit?.failures ?? []))

    if (results.memory)
      results.memory.endHwmMb = memoryOf(serverPid) ? round(memoryOf(serverPid)!.hwmMb) : null
    await server.stop()
    server = null

    if (data.source.startsWith('demo'))
      notes.push(
        'The data is the demo seed, not the generator: figures are not at any benchmark scale.'
      )
    if (results.payments?.pgbench.tool !== 'pgbench' && results.payments)
      notes.push(
        'No pgbench binary was found: the TPC-B reference ran as node-postgres clients (usually slower than pgbench).'
      )
    notes.push(
      `Every anonymous page view writes a session row (the session store is PostgreSQL and the CSRF token lives in the session); the floor pays that too, so the ratios are unaffected.`
    )
    notes.push(
      `The bench database keeps what the benchmarks write (paid and refunded bench orders, imported institutions); reseeding happens when the scale changes.`
    )

    machine.loadAverageEnd = (await import('node:os')).loadavg().map((n) => round(n, 2))
    const finishedAt = new Date()
    const full: BenchResults = {
      version: 1,
      mode: options.short ? 'short' : 'full',
      scale: options.seed === 'demo' ? 'demo' : options.scale,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      seconds: round((finishedAt.getTime() - startedAt.getTime()) / 1000, 1),
      machine,
      data: {
        source: data.source,
        seededAt: data.seededAt,
        rowCounts: counts,
        databaseSize: machine.postgres.databaseSize,
      },
      app: {
        buildSeconds,
        bootMs,
        nodeEnv: 'production',
        databasePoolMax: DATABASE_POOL_MAX,
        connections: options.connections,
        loadSeconds: options.duration,
        requestsPerConnection: options.requestsPerConnection,
        loadGenerator: 'autocannon 9 (programmatic API)',
      },
      ...results,
      goals: [],
      failures,
      notes,
    }
    full.goals = goalsOf(full)
    const files = writeReport(full, options.outDir)
    if (options.updateReadme) updateReadme(join(ROOT, 'README.md'), full)
    say(`Results: ${files.markdown}`)
    completed = true
    return { results: full, files }
  } finally {
    if (server) await server.stop().catch(() => {})
    await stub.close()
    if (options.dropDatabases) {
      await dropDatabase(options.serverUrl, options.database).catch(() => {})
      await dropDatabase(options.serverUrl, options.pgbenchDatabase).catch(() => {})
    }
    /* The child processes' log stays when something failed. */
    if (failures.length || !completed) say(`Child process output kept in ${log}`)
    else rmSync(workDir, { recursive: true, force: true, maxRetries: 2 })
  }
}

if (import.meta.main) {
  try {
    const { results } = await runBench(parseOptions(process.argv.slice(2)))
    for (const g of results.goals)
      console.log(
        `  ${g.pass === null ? '·' : g.pass ? '✔' : '✘'} ${g.benchmark} ${g.figure}: ${g.value}${g.ratio ? ` (${g.ratio})` : ''} — goal ${g.goal}`
      )
    if (results.failures.length) {
      console.error(
        `\nThe benchmark failed:\n${results.failures.map((f) => `  - ${f}`).join('\n')}`
      )
      process.exitCode = 1
    }
  } catch (error) {
    console.error(error)
    process.exitCode = 1
  }
  /* Nothing of ours is left running; do not wait for idle keep-alive sockets. */
  process.exit()
}
