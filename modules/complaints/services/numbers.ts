import { randomBytes, randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'
import { blindIndex } from '#kernel/shared/personal_data'

/** Case numbers people read out on the phone: TS + Beijing date + 8 digits (the unique index is the real guard). */
export function caseNumber(): string {
  return `TS${DateTime.now().setZone(ZONE).toFormat('yyyyMMdd')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
}

/** A tracking code for a complainant without an account: 10 characters without look-alikes. */
export function trackingCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('')
}

export function trackingHash(number: string, code: string): string {
  return blindIndex(`${number}:${code.trim().toUpperCase()}`, 'complaint_tracking')
}
