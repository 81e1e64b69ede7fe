import { DateTime } from 'luxon'

/*
| Backoff for money sent to a channel that has not settled yet: 30 minutes,
| doubling, at most a day apart. The sweep sends a bounded batch per run and
| stops early when the channel keeps failing, so a channel outage costs a
| few timeouts per run, not hours of them.
*/
export const FIRST_RETRY_MINUTES = 30
export const MAX_RETRY_MINUTES = 24 * 60
export const RETRY_BATCH = 20
export const GIVE_UP_AFTER_FAILURES = 3

export function nextSendAt(attempts: number, now = DateTime.now()): DateTime {
  const minutes = Math.min(MAX_RETRY_MINUTES, FIRST_RETRY_MINUTES * 2 ** Math.max(0, attempts - 1))
  return now.plus({ minutes })
}
