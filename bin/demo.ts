/*
| `npm run demo`: one command from a fresh clone to a running platform.
|
| 1. writes .env from .env.example (with a fresh APP_KEY) if there is none;
| 2. uses DATABASE_URL, or starts the embedded PostgreSQL in .data/pg;
| 3. runs every migration and, on first start, seeds the demo data;
| 4. serves the platform at http://localhost:3333, with a queue worker for
|    background jobs (imports, scheduled jobs) and the sandbox payment
|    provider and bank on http://127.0.0.1:3340, until Ctrl+C.
|
| `npm run dev` does the same with file watching.
*/
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { ensureDatabase, resolveDatabaseServer, withDatabase } from '../database/provisioning.js'

const root = new URL('../', import.meta.url)
const path = (p: string) => new URL(p, root).pathname
const watch = process.argv.includes('--watch')

if (!existsSync(path('.env'))) {
  const example = readFileSync(path('.env.example'), 'utf8')
  writeFileSync(
    path('.env'),
    example.replace(/^APP_KEY=.*$/m, `APP_KEY=${randomBytes(32).toString('base64url')}`)
  )
  console.log('Created .env with a new APP_KEY')
}

const server = await resolveDatabaseServer(path('.data/pg'))
const url = process.env.DATABASE_URL ?? withDatabase(server.url, 'xiaowai')
if (!process.env.DATABASE_URL) {
  await ensureDatabase(server.url, 'xiaowai')
  console.log(`Embedded PostgreSQL on ${new URL(server.url).host}, data in .data/pg`)
}
const env = { ...process.env, DATABASE_URL: url }

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: path('.'), env, stdio: 'inherit' })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))
    )
  })
}

await run(['ace', 'migration:run', '--force'])
await run(['ace', 'db:seed'])

const serve = spawn(
  process.execPath,
  watch ? ['ace', 'serve', '--watch'] : ['--import=@poppinss/ts-exec', 'bin/server.ts'],
  {
    cwd: path('.'),
    env,
    stdio: 'inherit',
  }
)
/* Background jobs (imports, scheduled jobs) need a worker next to the web process. */
const worker = spawn(
  process.execPath,
  ['ace', 'queue:work', '--queue=default,imports,exports,scheduled'],
  { cwd: path('.'), env, stdio: 'inherit' }
)
/* The sandbox payment provider and bank (modules/funds/sandbox): where parents pay in the demo. */
const sandbox = spawn(process.execPath, ['ace', 'funds:sandbox'], {
  cwd: path('.'),
  env,
  stdio: 'inherit',
})
/* The student-record service's stand-in (modules/students): where children's profiles are checked in the demo. */
const studentRecord = spawn(process.execPath, ['ace', 'students:record-stand-in'], {
  cwd: path('.'),
  env,
  stdio: 'inherit',
})
const stop = async () => {
  studentRecord.kill('SIGTERM')
  sandbox.kill('SIGTERM')
  worker.kill('SIGTERM')
  serve.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
serve.on('exit', async (code) => {
  worker.kill('SIGTERM')
  sandbox.kill('SIGTERM')
  studentRecord.kill('SIGTERM')
  await server.stop()
  process.exit(code ?? 0)
})
