import { randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'

/** Readable, unique-enough business numbers (the unique indexes are the real guard): prefix, Beijing time, 8 random digits. */
export function businessNumber(prefix: 'O' | 'P' | 'R' | 'I' | 'T' | 'B'): string {
  return `${prefix}${DateTime.now().setZone(ZONE).toFormat('yyyyMMddHHmmss')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
}
