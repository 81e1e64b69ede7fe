/*
| The adapter the platform checks a child's student record through. One
| implementation speaks the HTTP protocol of protocol.ts to the service
| STUDENT_RECORD_URL names (the local stand-in in development and tests).
| A service that cannot answer (down, slow, 5xx, an answer we cannot read,
| or a refusal of our own request) throws StudentRecordUnavailable: the
| check stays pending and is retried; nothing waits on it.
*/
import { createHmac, randomUUID } from 'node:crypto'
import env from '#start/env'
import {
  CHECK_PATH,
  type StudentRecordAnswer,
  type StudentRecordQuery,
  signatureOf,
} from './protocol.js'

export interface StudentRecordService {
  check(child: StudentRecordQuery): Promise<StudentRecordAnswer>
}

export class StudentRecordUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`student-record service unavailable: ${reason}`)
  }
}

export interface HttpServiceSettings {
  url: string
  appId: string
  secret: string
  timeoutMs: number
}

export const STAND_IN_APP_ID = 'xiaowai'

/**
 * The service's address and shared secret, as the platform and `node ace
 * students:record-stand-in` read them. In production nothing is assumed:
 * without a configured https address and secret, no child's ID ever
 * leaves (the check stays pending, "not reachable"), rather than going in
 * clear to whatever listens on the stand-in's local port.
 */
export function studentRecordSettings(): HttpServiceSettings {
  if (env.get('NODE_ENV') === 'production') {
    const url = env.get('STUDENT_RECORD_URL')
    const secret = env.get('STUDENT_RECORD_SECRET')
    if (!url?.startsWith('https://') || !secret || !env.get('STUDENT_RECORD_APP_ID'))
      throw new StudentRecordUnavailable('not configured (https address, app id and secret)')
  }
  return {
    url: env.get('STUDENT_RECORD_URL') ?? 'http://127.0.0.1:3341',
    appId: env.get('STUDENT_RECORD_APP_ID') ?? STAND_IN_APP_ID,
    secret:
      env.get('STUDENT_RECORD_SECRET') ??
      createHmac('sha256', env.get('APP_KEY').release()).update('student-record').digest('hex'),
    timeoutMs: 3000,
  }
}

export class HttpStudentRecordService implements StudentRecordService {
  constructor(private settings: HttpServiceSettings) {}

  async check(child: StudentRecordQuery): Promise<StudentRecordAnswer> {
    const requestId = randomUUID()
    const body = JSON.stringify({ requestId, ...child })
    const url = new URL(CHECK_PATH, this.settings.url)
    const timestamp = String(Date.now())
    const nonce = randomUUID()
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'x-app-id': this.settings.appId,
          'x-timestamp': timestamp,
          'x-nonce': nonce,
          'x-signature': signatureOf(this.settings.secret, {
            method: 'POST',
            path: url.pathname,
            timestamp,
            nonce,
            body,
          }),
        },
      })
    } catch (error) {
      throw new StudentRecordUnavailable((error as Error).name)
    }
    if (response.status !== 200) throw new StudentRecordUnavailable(`HTTP ${response.status}`)
    const answer = (await response.json().catch(() => null)) as
      (StudentRecordAnswer & { requestId?: string }) | null
    /* An answer to another question (a proxy's cache, a replayed body) is no answer. */
    if (answer?.requestId !== requestId)
      throw new StudentRecordUnavailable('answer to another request')
    if (answer?.result === 'found' || answer?.result === 'not_found')
      return { result: answer.result }
    if (answer?.result === 'mismatch' && Array.isArray(answer.differences))
      return {
        result: 'mismatch',
        differences: answer.differences
          .filter((d) => d && (d.field === 'school' || d.field === 'grade'))
          /*
          | Which field differs, never what the register holds: being a
          | guardian is not proven, so whoever types a child's ID and name
          | would otherwise learn that child's real school and grade.
          */
          .map((d) => ({ field: d.field, recorded: '' })),
      }
    throw new StudentRecordUnavailable('unreadable answer')
  }
}

let override: StudentRecordService | null = null

/** The service to ask for the HTTP adapter; tests point it at a stand-in on another port. */
export function httpStudentRecordService(): StudentRecordService {
  return override ?? new HttpStudentRecordService(studentRecordSettings())
}

/** Tests: use this service (a stand-in with other settings); null goes back to the environment's. */
export function useStudentRecordService(service: StudentRecordService | null) {
  override = service
}
