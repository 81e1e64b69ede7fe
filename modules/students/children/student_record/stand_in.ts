/*
| A local stand-in for the student-record service (学籍核验), for tests and
| development (`node ace students:record-stand-in`). It checks what the
| real service would: a known app id, a fresh timestamp, an unused nonce,
| the HMAC signature of the very bytes received (protocol.ts), and the
| required parameters; then it answers from its seeded register: found,
| not found (no record of this ID and name), or a mismatch naming the
| school or grade the record holds instead.
*/
import http from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { GRADES, type Grade } from '#kernel/shared/school_grades'
import {
  CHECK_PATH,
  CLOCK_SKEW_MS,
  type StudentRecordAnswer,
  type StudentRecordDifference,
  signatureOf,
} from './protocol.js'

export interface SeededRecord {
  idNumber: string
  name: string
  /** 学校标识码, when the school has one in the register. */
  schoolCode: string | null
  schoolName: string
  grade: Grade
}

export interface StandInOptions {
  /** app id → shared secret. */
  apps: Record<string, string>
  records: SeededRecord[]
  port?: number
  host?: string
  log?: (line: string) => void
}

export interface StudentRecordStandIn {
  readonly url: string
  readonly port: number
  /** What each request got: 200 answers and refusals, in order (no ID numbers). */
  readonly answered: { status: number; code?: string; result?: string }[]
  /** Adds or replaces a record (by ID number). */
  seed(record: SeededRecord): void
  /** While true, every request gets 503 (the service is down). */
  down: boolean
  close(): Promise<void>
}

type Reply = { status: number; body: Record<string, unknown> }

export async function startStudentRecordStandIn(
  options: StandInOptions
): Promise<StudentRecordStandIn> {
  const records = new Map(options.records.map((r) => [r.idNumber, r]))
  /* Each nonce with when it was seen: past the clock window a replay fails on its timestamp anyway. */
  const nonces = new Map<string, number>()
  const answered: StudentRecordStandIn['answered'] = []
  const state = { down: false }

  const answer = (req: http.IncomingMessage, body: Buffer): Reply => {
    if (state.down) return { status: 503, body: { code: 'service_unavailable' } }
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname
    if (req.method !== 'POST' || path !== CHECK_PATH)
      return { status: 404, body: { code: 'not_found' } }
    const header = (name: string) => {
      const value = req.headers[name]
      return typeof value === 'string' ? value : ''
    }
    const secret = options.apps[header('x-app-id')]
    if (!secret) return { status: 401, body: { code: 'unknown_app' } }
    const timestamp = header('x-timestamp')
    if (!/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > CLOCK_SKEW_MS)
      return { status: 401, body: { code: 'stale_timestamp' } }
    const nonce = header('x-nonce')
    const expected = signatureOf(secret, { method: req.method, path, timestamp, nonce, body })
    const given = Buffer.from(header('x-signature'))
    if (
      !nonce ||
      given.length !== expected.length ||
      !timingSafeEqual(given, Buffer.from(expected))
    )
      return { status: 401, body: { code: 'bad_signature' } }
    if (nonces.has(nonce)) return { status: 401, body: { code: 'replayed_nonce' } }
    for (const [seen, at] of nonces) if (Date.now() - at > 2 * CLOCK_SKEW_MS) nonces.delete(seen)
    nonces.set(nonce, Date.now())

    let query: any
    try {
      query = JSON.parse(body.toString('utf8'))
    } catch {
      return { status: 400, body: { code: 'malformed_json' } }
    }
    for (const parameter of ['requestId', 'idNumber', 'name', 'school', 'grade']) {
      if (query?.[parameter] === undefined || query[parameter] === '')
        return { status: 400, body: { code: 'missing_parameter', parameter } }
    }
    if (!/^\d{17}[\dX]$/.test(String(query.idNumber)))
      return { status: 400, body: { code: 'invalid_parameter', parameter: 'idNumber' } }
    if (!GRADES.includes(query.grade))
      return { status: 400, body: { code: 'invalid_parameter', parameter: 'grade' } }
    if (typeof query.school?.name !== 'string')
      return { status: 400, body: { code: 'missing_parameter', parameter: 'school.name' } }

    const record = records.get(String(query.idNumber))
    let result: StudentRecordAnswer
    if (!record || record.name !== query.name) result = { result: 'not_found' }
    else {
      const differences: StudentRecordDifference[] = []
      const sameSchool =
        record.schoolCode && query.school.code
          ? record.schoolCode === query.school.code
          : record.schoolName === query.school.name
      if (!sameSchool) differences.push({ field: 'school', recorded: record.schoolName })
      if (record.grade !== query.grade) differences.push({ field: 'grade', recorded: record.grade })
      result = differences.length ? { result: 'mismatch', differences } : { result: 'found' }
    }
    return { status: 200, body: { requestId: query.requestId, ...result } }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const reply = answer(req, Buffer.concat(chunks))
      answered.push({
        status: reply.status,
        code: reply.body.code as string | undefined,
        result: reply.body.result as string | undefined,
      })
      options.log?.(`${reply.status} ${reply.body.result ?? reply.body.code}`)
      res.writeHead(reply.status, { 'content-type': 'application/json;charset=utf-8' })
      res.end(JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
  )
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    answered,
    seed: (record) => void records.set(record.idNumber, record),
    get down() {
      return state.down
    },
    set down(value: boolean) {
      state.down = value
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
