import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/** 256 bits, URL-safe: the secret in a one-time link. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url')
}

export function newNumericCode(digits = 6): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0')
}

/* Only hashes are stored; the secret itself exists in the message and nowhere else. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex')
  const b = Buffer.from(hash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
