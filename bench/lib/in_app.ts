/*
| Tasks the benchmark runs inside the built app (booted like an ace
| command, with the app's own env): fixtures through the modules' public
| APIs, the refund action called in-process, and the ledger check.
|
|   node build/bench/lib/in_app.js <task> <input.json> <output.json>
*/
import 'reflect-metadata'
import { readFileSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { Ignitor } from '@adonisjs/core'

const APP_ROOT = new URL('../../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../'))
    return import(new URL(filePath, APP_ROOT).href)
  return import(filePath)
}

export interface RefundTaskInput {
  orderIds: number[]
  concurrency: number
}

export interface RefundTaskOutput {
  elapsedMs: number
  latenciesMs: number[]
  refunds: { orderId: number; refundNumber: string; amountFen: number; status: string }[]
  errors: string[]
  errorCount: number
}

export interface LedgerTaskOutput {
  clean: boolean
  problems: unknown
  transactions: number
  entries: number
  ms: number
}

const tasks: Record<string, (input: any) => Promise<unknown>> = {
  async accounts(
    input: {
      username: string
      adminLevel: 'ministry' | 'province' | 'city' | 'county'
      regionCode: string
      password: string
      phone: string
    }[]
  ) {
    const { ProvisionBenchAdmin } = await import('#modules/identity/bench')
    const out = []
    for (const account of input) out.push(await new ProvisionBenchAdmin().handle(account))
    return out
  },

  async payments(input: { count: number }) {
    const { pendingPaymentsForBench } = await import('#modules/funds/bench')
    return pendingPaymentsForBench(input.count)
  },

  /** The parents ask for their refunds, `concurrency` at a time: the action as the parent terminal calls it. */
  async refunds(input: RefundTaskInput): Promise<RefundTaskOutput> {
    const { requestRefundForBench } = await import('#modules/funds/bench')
    const queue = [...input.orderIds]
    const out: RefundTaskOutput = {
      elapsedMs: 0,
      latenciesMs: [],
      refunds: [],
      errors: [],
      errorCount: 0,
    }
    const started = performance.now()
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const t0 = performance.now()
        try {
          out.refunds.push(await requestRefundForBench(id))
          out.latenciesMs.push(performance.now() - t0)
        } catch (error) {
          out.errorCount++
          if (out.errors.length < 10) out.errors.push(String((error as Error).message ?? error))
        }
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, worker))
    out.elapsedMs = performance.now() - started
    return out
  },

  async ledger(): Promise<LedgerTaskOutput> {
    const { ledgerProblems, isClean } = await import('#modules/funds')
    const db = (await import('@adonisjs/lucid/services/db')).default
    const started = performance.now()
    const problems = await ledgerProblems()
    const [{ entries, transactions }] = (
      await db.rawQuery(
        'SELECT (SELECT count(*) FROM ledger_entries) AS entries, (SELECT count(*) FROM ledger_transactions) AS transactions'
      )
    ).rows
    return {
      clean: isClean(problems),
      problems,
      transactions: Number(transactions),
      entries: Number(entries),
      ms: performance.now() - started,
    }
  },
}

if (import.meta.main) {
  const [task, inputFile, outputFile] = process.argv.slice(2)
  const run = task === undefined ? undefined : tasks[task]
  if (!run || !inputFile || !outputFile) {
    console.error(`usage: in_app.js <${Object.keys(tasks).join('|')}> <input.json> <output.json>`)
    process.exit(2)
  }
  const ignitor = new Ignitor(APP_ROOT, { importer: IMPORTER }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
  })
  const app = ignitor.createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  try {
    const result = await run(JSON.parse(readFileSync(inputFile, 'utf8')))
    writeFileSync(
      outputFile,
      JSON.stringify({ result, maxRssMb: process.resourceUsage().maxRSS / 1024 })
    )
  } catch (error) {
    console.error(error)
    process.exitCode = 1
  } finally {
    await app.terminate()
  }
}
