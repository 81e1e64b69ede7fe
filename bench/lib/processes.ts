/*
| Child processes of the benchmark: the built app (web server, queue
| worker, in-app tasks), the generator and pgbench. Each one's output goes
| to a log file; its memory is read from /proc while it works.
*/
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs'
import net from 'node:net'

export interface Finished {
  code: number | null
  signal: NodeJS.Signals | null
  /** The last lines of output, for error messages. */
  tail: string
  ms: number
}

export interface RunOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  /** Output is appended here. */
  log: string
  echo?: boolean
}

function tailOf(text: string, lines = 30) {
  return text.split('\n').slice(-lines).join('\n')
}

/** Starts a process whose output goes to the log; the caller waits for it or stops it. */
export function start(
  command: string,
  args: string[],
  options: RunOptions
): ChildProcess & { output: () => string } {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log = createWriteStream(options.log, { flags: 'a' })
  log.write(`\n$ ${[command, ...args].join(' ')}\n`)
  let buffer = ''
  const take = (chunk: Buffer) => {
    const text = chunk.toString()
    buffer = (buffer + text).slice(-20_000)
    log.write(text)
    if (options.echo) process.stdout.write(text)
  }
  child.stdout!.on('data', take)
  child.stderr!.on('data', take)
  child.on('close', () => log.end())
  return Object.assign(child, { output: () => buffer })
}

/** Runs a process to its end; rejects with its last output when it fails. */
export function run(
  command: string,
  args: string[],
  options: RunOptions & { allowFailure?: boolean }
): Promise<Finished> {
  const started = Date.now()
  const child = start(command, args, options)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const result = { code, signal, tail: tailOf(child.output()), ms: Date.now() - started }
      if (code !== 0 && !options.allowFailure) {
        reject(
          new Error(
            `${[command, ...args].join(' ')} exited with ${code ?? signal}:\n${result.tail}`
          )
        )
      } else resolve(result)
    })
  })
}

/** Stops a process we started (SIGTERM, then SIGKILL after a grace period). */
export async function stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await closed
  clearTimeout(timer)
}

export interface Memory {
  /** Resident set size now, MiB. */
  rssMb: number
  /** Peak resident set size since the process started (VmHWM), MiB. */
  hwmMb: number
}

/** Reads VmRSS and VmHWM of a live process (Linux). */
export function memoryOf(pid: number): Memory | null {
  const file = `/proc/${pid}/status`
  if (!existsSync(file)) return null
  try {
    const status = readFileSync(file, 'utf8')
    const kb = (key: string) =>
      Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0)
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 }
  } catch {
    return null
  }
}

/** Samples a process's RSS while a benchmark runs; `stop()` returns the peak. */
export class RssSampler {
  #timer: NodeJS.Timeout | null = null
  peakMb = 0
  hwmMb = 0
  samples = 0

  constructor(
    private pid: number,
    private intervalMs = 100
  ) {}

  start() {
    const sample = () => {
      const memory = memoryOf(this.pid)
      if (!memory) return
      this.samples++
      this.peakMb = Math.max(this.peakMb, memory.rssMb)
      this.hwmMb = Math.max(this.hwmMb, memory.hwmMb)
    }
    sample()
    this.#timer = setInterval(sample, this.intervalMs)
    return this
  }

  stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    const last = memoryOf(this.pid)
    if (last) {
      this.peakMb = Math.max(this.peakMb, last.rssMb)
      this.hwmMb = Math.max(this.hwmMb, last.hwmMb)
    }
    return { peakRssMb: round(this.peakMb), hwmMb: round(this.hwmMb), samples: this.samples }
  }
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/** The preferred port if it is free, else the next free one. */
export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred || 3350; port < (preferred || 3350) + 200; port++)
    if (await portFree(port)) return port
  throw new Error(`No free port from ${preferred}`)
}

/** Waits until the URL answers 2xx, or the process dies, or time runs out. */
export async function waitForHttp(
  url: string,
  child: ChildProcess & { output: () => string },
  timeoutMs = 60_000
): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with ${child.exitCode}:\n${tailOf(child.output())}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (response.ok) return Date.now() - started
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${tailOf(child.output())}`)
}

const CLOCK_TICKS = 100

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return null
  }
}

/** PostgreSQL processes: client backends of the given databases and the server's own helpers (WAL writer, checkpointer…), versus the rest. */
function postgresPids(databases: string[]): { ours: number[]; others: number[] } {
  const ours: number[] = []
  const others: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue
      /* Backends retitle themselves "postgres: 15/main: <user> <database> <client> <state>". */
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ')
      const database =
        title.match(/^postgres: [^:]+: \S+ (\S+) \S+\(\d+\)/)?.[1] ??
        title.match(/^postgres: [^:]+: \S+ (\S+) \[local\]/)?.[1]
      ;(database && !databases.includes(database) ? others : ours).push(Number(entry))
    } catch {}
  }
  return { ours, others }
}

function machineBusySeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number)
    const idle = fields[3]! + (fields[4] ?? 0)
    return (fields.reduce((a, b) => a + b, 0) - idle) / CLOCK_TICKS
  } catch {
    return null
  }
}

export interface CpuUse {
  /** The app server, % of one core. */
  serverPct: number | null
  /** PostgreSQL working for the measured databases (and its own helper processes), % of one core. */
  postgresPct: number | null
  /** This process (the load generator), % of one core. */
  loadGeneratorPct: number
  /** Everything else on the machine (other databases, other programs, child processes such as the pgbench client), % of one core. */
  otherPct: number | null
}

/** Where the CPU went during a load: the server, PostgreSQL, the load generator, the rest of the machine (Linux /proc). */
export function cpuMeter(serverPid?: number, databases: string[] = []) {
  const started = performance.now()
  const self = process.cpuUsage()
  const server = serverPid ? cpuSeconds(serverPid) : null
  const hasProc = existsSync('/proc/stat')
  const before = new Map<number, number>()
  if (hasProc) {
    const { ours, others } = postgresPids(databases)
    for (const pid of [...ours, ...others]) before.set(pid, cpuSeconds(pid) ?? 0)
  }
  const busy = machineBusySeconds()
  return (): CpuUse => {
    const seconds = (performance.now() - started) / 1000
    const pct = (used: number | null) =>
      used === null || seconds <= 0 ? null : round((used / seconds) * 100, 0)
    let pgUsed: number | null = null
    if (hasProc) {
      pgUsed = 0
      for (const pid of postgresPids(databases).ours) {
        const now = cpuSeconds(pid)
        if (now !== null) pgUsed += now - (before.get(pid) ?? 0)
      }
    }
    const serverNow = serverPid ? cpuSeconds(serverPid) : null
    const serverUsed = server !== null && serverNow !== null ? serverNow - server : null
    const mine = process.cpuUsage(self)
    const mineUsed = (mine.user + mine.system) / 1e6
    const busyNow = machineBusySeconds()
    const other =
      busy !== null && busyNow !== null
        ? Math.max(0, busyNow - busy - (serverUsed ?? 0) - (pgUsed ?? 0) - mineUsed)
        : null
    return {
      serverPct: pct(serverUsed),
      postgresPct: pct(pgUsed),
      loadGeneratorPct: pct(mineUsed) ?? 0,
      otherPct: pct(other),
    }
  }
}
