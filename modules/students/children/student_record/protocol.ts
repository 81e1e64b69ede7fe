/*
| The student-record service's wire protocol (学籍核验), as the platform's
| adapter speaks it and the local stand-in checks it:
|
|   POST {base}/v1/student-records/check
|   content-type: application/json
|   x-app-id:     the platform's id at the service
|   x-timestamp:  Unix milliseconds; refused beyond 5 minutes of skew
|   x-nonce:      unique per request; a replay is refused
|   x-signature:  hex HMAC-SHA256 with the shared secret over
|                 METHOD \n PATH \n TIMESTAMP \n NONCE \n hex SHA-256(body)
|   body: { requestId, idNumber, name, school: { code|null, name }, grade }
|
| Answers: 200 { result: 'found' } | { result: 'not_found' } |
| { result: 'mismatch', differences: [{ field: 'school'|'grade', recorded }] };
| 400 { code: 'missing_parameter', parameter }; 401 { code: 'unknown_app' |
| 'stale_timestamp' | 'replayed_nonce' | 'bad_signature' }.
*/
import { createHash, createHmac } from 'node:crypto'
import type { Grade } from '#kernel/shared/school_grades'

export const CHECK_PATH = '/v1/student-records/check'
export const CLOCK_SKEW_MS = 5 * 60 * 1000

export interface StudentRecordQuery {
  idNumber: string
  name: string
  /** The register's national school code (学校标识码) when the school is in it. */
  school: { code: string | null; name: string }
  grade: Grade
}

export interface StudentRecordDifference {
  field: 'school' | 'grade'
  /** What the student record says: the school's name, or the grade (p4). */
  recorded: string
}

export type StudentRecordAnswer =
  | { result: 'found' }
  | { result: 'not_found' }
  | { result: 'mismatch'; differences: StudentRecordDifference[] }

export function signatureOf(
  secret: string,
  parts: { method: string; path: string; timestamp: string; nonce: string; body: Buffer | string }
): string {
  const bodyHash = createHash('sha256').update(parts.body).digest('hex')
  return createHmac('sha256', secret)
    .update(
      [parts.method.toUpperCase(), parts.path, parts.timestamp, parts.nonce, bodyHash].join('\n')
    )
    .digest('hex')
}
