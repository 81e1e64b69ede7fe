/*
| What the unauthenticated machine endpoints (payment notices, bank API)
| keep of a request. A verified request is kept in full, its body stored
| safely whatever bytes it holds. A request nobody can be held to (unknown
| provider, unknown bank key, bad signature) only bumps a counter per
| endpoint, reason and minute: a flood grows a number, never the table.
*/
import db from '@adonisjs/lucid/services/db'

export const BODY_LIMIT = 8000

/** Text PostgreSQL accepts: NUL bytes escaped (the bytes themselves go to `body_bytes`). */
export function storableText(text: string, limit = BODY_LIMIT): string {
  return text
    .slice(0, limit)
    .replaceAll('\u0000', '\\u0000')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/** Did the body need changing to be stored as text? Then the exact bytes are kept beside it. */
export function bodyBytes(text: string, bytes?: Buffer): Buffer | null {
  const exact = bytes ?? Buffer.from(text, 'utf8')
  /* Invalid UTF-8 shows as bytes that do not survive decoding and re-encoding. */
  const lossy =
    text.includes('\u0000') || (bytes !== undefined && !bytes.equals(Buffer.from(text, 'utf8')))
  return lossy ? exact.subarray(0, BODY_LIMIT) : null
}

/** True when the body is not clean UTF-8 text without NUL bytes: such a body is refused (400) after it is recorded. */
export function isUnsafeBody(text: string, bytes?: Buffer): boolean {
  return bodyBytes(text, bytes) !== null
}

export async function countUnverified(
  endpoint: 'pay_notice' | 'bank_api',
  reason: string,
  remoteIp: string | null,
  now = new Date()
): Promise<void> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000)
  await db.rawQuery(
    `INSERT INTO machine_request_counts (endpoint, reason, minute, count, last_remote_ip) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT (endpoint, reason, minute) DO UPDATE SET count = machine_request_counts.count + 1, last_remote_ip = EXCLUDED.last_remote_ip`,
    [endpoint, reason.slice(0, 64), minute, remoteIp?.slice(0, 64) ?? null]
  )
}
