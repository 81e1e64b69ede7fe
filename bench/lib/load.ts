/*
| HTTP loads through autocannon's programmatic API, reduced to the figures
| the report needs: requests per second (2xx only), latency percentiles,
| and every error, non-2xx answer and timeout.
*/
import autocannon from 'autocannon'
import { type CpuUse, RssSampler, cpuMeter, round } from './processes.js'
import { type WaitProfile, sampleWaits } from './waits.js'

export interface Latency {
  mean: number
  p50: number
  p90: number
  p99: number
  p99_9: number
  max: number
}

export interface LoadResult {
  name: string
  /** An example request of the load (the first path). */
  example: string
  connections: number
  seconds: number
  requests: number
  /** 2xx answers per second. */
  rps: number
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  latency: Latency
  /** [percentile, ms] pairs for the latency chart. */
  percentiles: [number, number][]
  /** The server's memory during this load. */
  serverPeakRssMb?: number
  /** Where the CPU went (server, PostgreSQL, load generator), % of one core. */
  cpu?: CpuUse
  /** What the bench database's sessions were doing. */
  waits?: WaitProfile
}

export interface LoadSpec {
  name: string
  base: string
  connections: number
  /** Seconds, or a fixed number of requests (`amount`). */
  duration?: number
  amount?: number
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** Each request's path (and body), in turn. */
  next: () => { path: string; body?: string; headers?: Record<string, string> }
  onResponse?: (status: number, body: string) => void
  /** The server's pid, to sample its memory during the load. */
  serverPid?: number
  /** The bench database, to sample its sessions' waits during the load. */
  database?: { url: string; name: string }
  timeoutSeconds?: number
}

const PERCENTILES: [number, keyof autocannon.Histogram][] = [
  [1, 'p1'],
  [2.5, 'p2_5'],
  [10, 'p10'],
  [25, 'p25'],
  [50, 'p50'],
  [75, 'p75'],
  [90, 'p90'],
  [97.5, 'p97_5'],
  [99, 'p99'],
  [99.9, 'p99_9'],
  [99.99, 'p99_99'],
]

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const first = spec.next()
  let pending: ReturnType<LoadSpec['next']> | null = first
  const take = () => {
    const value = pending ?? spec.next()
    pending = null
    return value
  }
  const sampler = spec.serverPid ? new RssSampler(spec.serverPid).start() : null
  const waits = spec.database ? await sampleWaits(spec.database.url, spec.database.name) : null
  const cpu = cpuMeter(spec.serverPid, spec.database ? [spec.database.name] : [])
  const running = autocannon({
    url: spec.base,
    connections: spec.connections,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration }),
    timeout: spec.timeoutSeconds ?? 30,
    headers: spec.headers,
    requests: [
      {
        method: spec.method ?? 'GET',
        setupRequest: (request) => {
          const next = take()
          return {
            ...request,
            path: next.path,
            body: next.body,
            headers: { ...request.headers, ...next.headers },
          }
        },
        onResponse: spec.onResponse ? (status, body) => spec.onResponse!(status, body) : undefined,
      },
    ],
  })
  let result: autocannon.Result
  let waitProfile: WaitProfile | undefined
  let cpuUse: CpuUse
  try {
    result = await running
  } finally {
    cpuUse = cpu()
    sampler?.stop()
    waitProfile = waits ? await waits() : undefined
  }
  const memory = sampler ? { peakRssMb: round(sampler.peakMb) } : null
  const ok = result['2xx']
  const seconds = result.duration
  return {
    name: spec.name,
    example: first.path,
    connections: spec.connections,
    seconds: round(seconds, 2),
    requests: result.requests.total,
    rps: round(ok / seconds, 1),
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latency: {
      mean: round(result.latency.mean, 2),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      p99_9: result.latency.p99_9,
      max: result.latency.max,
    },
    percentiles: PERCENTILES.map(([p, key]) => [p, result.latency[key] as number]),
    serverPeakRssMb: memory?.peakRssMb,
    cpu: cpuUse,
    waits: waitProfile,
  }
}

/** How long a load lasts: its duration, or in short mode a fixed number of requests. */
export function span(
  options: { duration: number; requestsPerConnection: number | null },
  connections: number,
  seconds = options.duration
): { duration?: number; amount?: number } {
  return options.requestsPerConnection
    ? { amount: Math.max(10, options.requestsPerConnection * connections) }
    : { duration: seconds }
}

/** Cycles through a list (a load's paths). */
export function cycle<T>(items: T[]): () => T {
  if (!items.length) throw new Error('Nothing to cycle through')
  let i = 0
  return () => items[i++ % items.length]!
}
