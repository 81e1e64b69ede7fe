/*
| The app under test: its production build, the environment it runs with,
| and the processes the benchmark starts from the build (web server,
| queue worker, in-app tasks).
*/
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type RunOptions, run, start, stop, waitForHttp } from './processes.js'

export const ROOT = new URL('../../', import.meta.url).pathname
export const BUILD = join(ROOT, 'build')
export const NODE = process.execPath

/** Variables the app reads (start/env.ts); a child gets ours, never the caller's. */
const APP_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'APP_KEY',
  'APP_URL',
  'LOG_LEVEL',
  'DATABASE_URL',
  'DATABASE_POOL_MAX',
  'SESSION_DRIVER',
  'LIMITER_STORE',
  'QUEUE_DRIVER',
  'DRIVE_DISK',
  'REDIS_HOST',
  'REDIS_PORT',
  'REDIS_PASSWORD',
  'PLUGINS',
  'PAYMENT_SANDBOX_URL',
  'PAYMENT_SANDBOX_SECRET',
  'NOTIFY_CHANNEL',
  'BENCH_ROUTES',
]

/**
 * The app key: $APP_KEY, else the one in .env, else one kept in tmp/ so the
 * bench database's sealed personal data stays readable across runs.
 */
export function appKey(ephemeral: boolean): string {
  if (process.env.BENCH_APP_KEY) return process.env.BENCH_APP_KEY
  if (ephemeral) return randomBytes(32).toString('hex')
  const dotenv = join(ROOT, '.env')
  const fromEnv = existsSync(dotenv)
    ? readFileSync(dotenv, 'utf8').match(/^APP_KEY=(\S+)$/m)?.[1]
    : undefined
  if (fromEnv) return fromEnv
  const kept = join(ROOT, 'tmp', 'bench-app-key')
  if (existsSync(kept)) return readFileSync(kept, 'utf8').trim()
  const key = randomBytes(32).toString('hex')
  mkdirSync(join(ROOT, 'tmp'), { recursive: true })
  writeFileSync(kept, key, { mode: 0o600 })
  return key
}

export interface AppSettings {
  databaseUrl: string
  appKey: string
  port: number
  /** Where the app's payment channel calls go (the benchmark's stand-in for the sandbox provider). */
  channelUrl: string
  channelSecret: string
  nodeEnv?: 'production' | 'development'
}

export function appEnv(
  settings: AppSettings,
  extra: Record<string, string> = {}
): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !APP_VARIABLES.includes(k))
  )
  return {
    ...base,
    NODE_ENV: settings.nodeEnv ?? 'production',
    PORT: String(settings.port),
    HOST: '127.0.0.1',
    APP_URL: `http://127.0.0.1:${settings.port}`,
    APP_KEY: settings.appKey,
    LOG_LEVEL: 'warn',
    DATABASE_URL: settings.databaseUrl,
    SESSION_DRIVER: 'database',
    LIMITER_STORE: 'database',
    QUEUE_DRIVER: 'database',
    DRIVE_DISK: 'fs',
    NOTIFY_CHANNEL: 'outbox',
    PLUGINS: 'jilin',
    PAYMENT_SANDBOX_URL: settings.channelUrl,
    PAYMENT_SANDBOX_SECRET: settings.channelSecret,
    BENCH_ROUTES: 'true',
    ...extra,
  }
}

const SOURCES = [
  'app',
  'bench',
  'bin',
  'config',
  'database',
  'modules',
  'plugins',
  'resources',
  'start',
  'tests',
  'adonisrc.ts',
  'package.json',
  'tsconfig.json',
  'ace.js',
]
const STAMP = join(BUILD, '.bench-build-stamp')

/** The newest modification time of anything the build is made from. */
function newestSource(path = ROOT, names = SOURCES): number {
  let newest = 0
  for (const name of names) {
    const full = join(path, name)
    if (
      !existsSync(full) ||
      full === join(ROOT, 'bench', 'results') ||
      full === join(ROOT, 'bench', 'tmp')
    )
      continue
    const stat = statSync(full)
    newest = Math.max(
      newest,
      stat.mtimeMs,
      stat.isDirectory() ? newestSource(full, readdirSync(full)) : 0
    )
  }
  return newest
}

/** Is build/ newer than every source file (built by a previous run, nothing changed since)? */
export function buildIsCurrent(): boolean {
  if (!existsSync(STAMP)) return false
  return Number(readFileSync(STAMP, 'utf8')) >= newestSource()
}

/** `node ace build` into build/, then checks that what the server needs is there. */
export async function buildApp(env: NodeJS.ProcessEnv, log: string): Promise<number> {
  /* ace validates the app's environment even to build: give it the one the app will run with. */
  const result = await run(NODE, ['ace', 'build'], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: 'development' },
    log,
  })
  const newest = newestSource()
  /* The build resolves packages from the project's node_modules (build/ sits inside the project), so no second install is needed. */
  for (const file of [
    'bin/server.js',
    'ace.js',
    'bench/lib/in_app.js',
    'modules/registry/views/bench_floor.edge',
    'modules/registry/lang/zh-CN/registry.json',
    'package.json',
  ]) {
    if (!existsSync(join(BUILD, file))) throw new Error(`The build has no ${file}`)
  }
  writeFileSync(STAMP, String(newest))
  return result.ms
}

/** An ace command of the build (migrations, bench:seed, queue:work). */
export function ace(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: Partial<RunOptions> & { log: string; allowFailure?: boolean }
) {
  return run(NODE, ['ace.js', ...args], { cwd: BUILD, env, ...options })
}

/** The built web server, ready to answer. */
export async function startServer(env: NodeJS.ProcessEnv, log: string) {
  const child = start(NODE, ['bin/server.js'], { cwd: BUILD, env, log })
  const bootMs = await waitForHttp(`${env.APP_URL}/health`, child)
  return { child, bootMs, stop: () => stop(child) }
}

/** A queue worker of the build for the given queues. */
export function startWorker(env: NodeJS.ProcessEnv, queues: string, log: string) {
  const child = start(NODE, ['ace.js', 'queue:work', `--queue=${queues}`], { cwd: BUILD, env, log })
  return { child, stop: () => stop(child) }
}

/**
 * Runs a task inside the built app (bench/lib/in_app.ts, booted like an ace
 * command) and returns what it wrote. Used for fixtures and for the refund
 * action called in-process.
 */
export async function inApp<T>(
  task: string,
  input: unknown,
  env: NodeJS.ProcessEnv,
  log: string,
  workDir: string
): Promise<{ result: T; maxRssMb: number }> {
  const id = `${task}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`
  const inputFile = join(workDir, `${id}.in.json`)
  const outputFile = join(workDir, `${id}.out.json`)
  writeFileSync(inputFile, JSON.stringify(input ?? null))
  await run(NODE, ['bench/lib/in_app.js', task, inputFile, outputFile], { cwd: BUILD, env, log })
  return JSON.parse(readFileSync(outputFile, 'utf8'))
}
