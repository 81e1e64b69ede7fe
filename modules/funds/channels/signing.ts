/*
| HMAC-SHA256 request signing shared by the payment channels and the bank
| API: the signature covers a timestamp and the exact body bytes, so a
| changed amount or a replay outside the window fails verification.
*/
import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_WINDOW_SECONDS = 300

export function signPayload(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

export type SignatureCheck = 'ok' | 'missing' | 'bad_signature' | 'stale'

export function checkSignature(
  secret: string,
  input: { timestamp?: string | null; signature?: string | null; body: string },
  now = Date.now()
): SignatureCheck {
  if (!input.timestamp || !input.signature) return 'missing'
  const expected = Buffer.from(signPayload(secret, input.timestamp, input.body), 'hex')
  const given = Buffer.from(input.signature, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature'
  const seconds = Number(input.timestamp)
  if (!Number.isFinite(seconds) || Math.abs(now / 1000 - seconds) > SIGNATURE_WINDOW_SECONDS)
    return 'stale'
  return 'ok'
}

export const unixSeconds = (now = Date.now()) => String(Math.floor(now / 1000))

/** What a bank signs: the nonce, the method, the path with its query, and the body. */
export function bankCanonical(nonce: string, method: string, path: string, body: string): string {
  return `${nonce}\n${method.toUpperCase()}\n${path}\n${body}`
}
