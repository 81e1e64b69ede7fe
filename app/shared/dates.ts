import { DateTime } from 'luxon'

/** Business dates are Beijing dates, whatever the server's time zone. */
export const ZONE = 'Asia/Shanghai'

export function todayIso(): string {
  return DateTime.now().setZone(ZONE).toISODate()!
}

/** A Date built from a YYYY-MM-DD form value, back to that same calendar date. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
