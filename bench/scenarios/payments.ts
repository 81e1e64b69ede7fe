/*
| Benchmark 2: payment callbacks and refunds, beside pgbench's TPC-B on the
| same database server in the same run, with the same client count.
| Goal: ≥ 30% of pgbench's tps, with the ledger balanced afterwards.
|
|  a. payment callbacks: one signed sandbox `payment.succeeded` notice per
|     pending payment, POST /api/pay/notify/sandbox at N connections; each
|     applied notice is one balanced ledger transaction (channel →
|     supervised), the payment and order updated under row locks, the
|     notice kept;
|  b. the same notices again (a provider's retries): all must come back
|     "duplicate" and move no money;
|  c. pgbench TPC-B for as long as (a) took, with N clients;
|  d. refund requests: the parent's RequestRefund action, called
|     in-process in the built app, N at a time (before the first class: a
|     full refund approved at once, one balanced transaction supervised →
|     refunding, a bank instruction, and the call to the channel);
|  e. refund callbacks: the channel's signed `refund.succeeded` notice for
|     each refund of (d) over HTTP at N connections (refunding → channel);
|  f. the ledger's invariants over the whole book (funds:check-ledger).
*/
import { inApp } from '../lib/app.js'
import { resign, signNotice, type SignedNotice } from '../lib/channel.js'
import { query, withDatabase } from '../lib/database.js'
import { type LoadResult, load } from '../lib/load.js'
import { type PgbenchResult, runPgbench } from '../lib/pgbench.js'
import { type CpuUse, cpuMeter, memoryOf, round } from '../lib/processes.js'
import { type WaitProfile, sampleWaits } from '../lib/waits.js'
import type { LedgerTaskOutput, RefundTaskOutput } from '../lib/in_app.js'
import type { BenchContext } from './context.js'

export interface Outcomes {
  applied: number
  duplicate: number
  rejected: number
  other: number
}

export interface CallbackRun {
  load: LoadResult
  outcomes: Outcomes
  /** Applied notices per second: ledger transactions per second. */
  tps: number
}

export interface PaymentsResult {
  prepared: { payments: number; ms: number }
  callbacks: CallbackRun
  duplicates: CallbackRun & { ledgerTransactionsAdded: number }
  pgbench: PgbenchResult & { cpu: CpuUse; waits: WaitProfile }
  refundRequests: {
    requested: number
    approvedAtOnce: number
    awaitingInstitution: number
    errors: number
    errorSamples: string[]
    seconds: number
    /** Refunds approved and posted per second. */
    tps: number
    latency: { p50: number; p99: number; max: number }
    concurrency: number
    processPeakRssMb: number
    cpu: CpuUse
    waits: WaitProfile
  }
  refundCallbacks: CallbackRun | null
  ledger: LedgerTaskOutput
  serverHwmMb: number | null
}

interface BenchPayment {
  orderId: number
  paymentNumber: string
  amountFen: number
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function fire(
  ctx: BenchContext,
  name: string,
  notices: SignedNotice[]
): Promise<CallbackRun> {
  const outcomes: Outcomes = { applied: 0, duplicate: 0, rejected: 0, other: 0 }
  let i = 0
  const result = await load({
    name,
    base: ctx.base,
    connections: Math.min(ctx.options.connections, notices.length),
    amount: notices.length,
    method: 'POST',
    /* Requests past the last notice (autocannon prepares one per connection ahead) repeat the first: they count as duplicates. */
    next: () => {
      const notice = notices[i++] ?? notices[0]!
      return { path: '/api/pay/notify/sandbox', body: notice.body, headers: notice.headers }
    },
    onResponse: (_status, body) => {
      try {
        const outcome = JSON.parse(body).outcome as keyof Outcomes
        outcomes[outcome in outcomes ? outcome : 'other']++
      } catch {
        outcomes.other++
      }
    },
    serverPid: ctx.serverPid,
    database: ctx.database,
  })
  return { load: result, outcomes, tps: round(outcomes.applied / result.seconds, 1) }
}

const ledgerTransactions = async (ctx: BenchContext) =>
  Number((await query(ctx.databaseUrl, 'SELECT count(*) AS n FROM ledger_transactions'))[0].n)

export async function payments(ctx: BenchContext): Promise<PaymentsResult> {
  const { options } = ctx

  /* A few callbacks first, unmeasured, so the measured ones do not pay for compiling this code path. */
  const warm = Math.min(200, Math.ceil(options.payments / 10))
  ctx.say(`  preparing ${options.payments} pending payments (+${warm} for the warm-up)`)
  const prepStarted = Date.now()
  const { result: prepared } = await inApp<BenchPayment[]>(
    'payments',
    { count: options.payments + warm },
    ctx.env,
    ctx.log,
    ctx.workDir
  )
  const prepMs = Date.now() - prepStarted
  const sign = (p: BenchPayment) =>
    signNotice(ctx.channelSecret, {
      event: 'payment.succeeded',
      out_trade_no: p.paymentNumber,
      transaction_id: `T${p.paymentNumber}`,
      amount_fen: p.amountFen,
    })
  await fire(ctx, 'warm-up', prepared.slice(0, warm).map(sign))

  ctx.say('  payment callbacks')
  const notices = prepared.slice(warm).map(sign)
  const callbacks = await fire(ctx, 'payment callbacks', notices)

  ctx.say('  the same callbacks again (duplicates)')
  const before = await ledgerTransactions(ctx)
  const duplicates = await fire(
    ctx,
    'duplicate callbacks',
    notices.map((n) => resign(ctx.channelSecret, n.body))
  )
  const ledgerTransactionsAdded = (await ledgerTransactions(ctx)) - before

  const seconds = Math.max(1, Math.round(callbacks.load.seconds))
  ctx.say(`  pgbench TPC-B, ${options.connections} clients, ${seconds} s`)
  const pgbenchUrl = withDatabase(options.serverUrl, options.pgbenchDatabase)
  const pgbench = await runPgbench(options.serverUrl, options.pgbenchDatabase, {
    scale: options.pgbenchScale,
    clients: options.connections,
    seconds,
    log: ctx.log,
    /* Measured from the run itself (after pgbench's initialisation and vacuum). */
    during: async () => ({
      cpu: cpuMeter(undefined, [options.pgbenchDatabase]),
      waits: await sampleWaits(pgbenchUrl, options.pgbenchDatabase),
    }),
  })

  const paid = await query<{ id: string }>(
    ctx.databaseUrl,
    `SELECT id FROM orders WHERE id = ANY($1::bigint[]) AND status = 'paid'`,
    [prepared.map((p) => p.orderId)]
  )
  const orderIds = paid.map((r) => Number(r.id)).slice(0, options.refunds)
  ctx.say(`  refund requests (${orderIds.length}, in-process, ${options.connections} at a time)`)
  const refundWaits = await sampleWaits(ctx.database.url, ctx.database.name)
  const refundCpu = cpuMeter(undefined, [ctx.database.name])
  let refundCpuUse: CpuUse
  let refundWaitProfile: WaitProfile
  let asked: RefundTaskOutput
  let maxRssMb: number
  try {
    ;({ result: asked, maxRssMb } = await inApp<RefundTaskOutput>(
      'refunds',
      { orderIds, concurrency: options.connections },
      ctx.env,
      ctx.log,
      ctx.workDir
    ))
  } finally {
    refundCpuUse = refundCpu()
    refundWaitProfile = await refundWaits()
  }
  const latencies = asked.latenciesMs.sort((a, b) => a - b)
  const approved = asked.refunds.filter((r) => r.status === 'refunding')
  const refundRequests = {
    requested: asked.refunds.length,
    approvedAtOnce: approved.length,
    awaitingInstitution: asked.refunds.filter((r) => r.status === 'requested').length,
    errors: asked.errorCount,
    errorSamples: asked.errors,
    seconds: round(asked.elapsedMs / 1000, 2),
    tps: round(approved.length / (asked.elapsedMs / 1000), 1),
    latency: {
      p50: round(percentile(latencies, 50), 1),
      p99: round(percentile(latencies, 99), 1),
      max: round(latencies.at(-1) ?? 0, 1),
    },
    concurrency: options.connections,
    processPeakRssMb: round(maxRssMb),
    cpu: refundCpuUse,
    waits: refundWaitProfile,
  }

  let refundCallbacks: CallbackRun | null = null
  if (approved.length) {
    ctx.say(`  refund callbacks (${approved.length})`)
    const byOrder = new Map(prepared.map((p) => [p.orderId, p.paymentNumber]))
    const refundNotices = approved.map((r) =>
      signNotice(ctx.channelSecret, {
        event: 'refund.succeeded',
        out_trade_no: byOrder.get(r.orderId),
        out_refund_no: r.refundNumber,
        amount_fen: r.amountFen,
      })
    )
    refundCallbacks = await fire(ctx, 'refund callbacks', refundNotices)
  }

  const serverHwmMb = memoryOf(ctx.serverPid)?.hwmMb ?? null

  ctx.say('  ledger check over the whole book')
  const { result: ledger } = await inApp<LedgerTaskOutput>(
    'ledger',
    null,
    ctx.env,
    ctx.log,
    ctx.workDir
  )

  return {
    prepared: { payments: notices.length, ms: prepMs },
    callbacks,
    duplicates: { ...duplicates, ledgerTransactionsAdded },
    pgbench,
    refundRequests,
    refundCallbacks,
    ledger,
    serverHwmMb: serverHwmMb === null ? null : round(serverHwmMb),
  }
}
