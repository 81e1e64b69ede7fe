import { AsyncLocalStorage } from 'node:async_hooks'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'

/*
| Delivery of outbox rows. A drain claims due rows with one UPDATE whose
| sub-select takes them `FOR UPDATE SKIP LOCKED` and sets a lease, so two
| drains racing never take the same row and no transaction stays open while
| listeners run. A delivered row is marked at once; a failed one is pushed
| back with exponential backoff and retried by a later drain (the sweep
| runs every minute). A drain that dies mid-delivery leaves a lease that
| expires, after which the row is delivered again: delivery is once per
| successful drain, at least once across crashes, so listeners stay
| idempotent (upserts, unique keys).
*/

const BATCH = 50
const LEASE_SECONDS = 300
export const MAX_ATTEMPTS = 12
/** Seconds before retry n (1-based): 30 s, 1 min, 2 min … capped at 6 hours. */
export const backoffSeconds = (attempt: number) => Math.min(30 * 2 ** (attempt - 1), 6 * 3600)

/* The outbox row a listener is being called for, so a listener can key its own work to it (plugin policy runs do). */
const delivering = new AsyncLocalStorage<{ id: string }>()

/** The id of the outbox row whose event is being delivered, or null outside a drain. */
export function deliveringOutboxId(): string | null {
  return delivering.getStore()?.id ?? null
}

interface Claimed {
  id: string
  event: string
  payload: unknown
  attempts: number
}

async function claim(): Promise<Claimed[]> {
  const { rows } = await db.rawQuery(
    `UPDATE outbox_events SET claimed_until = clock_timestamp() + make_interval(secs => ?), attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM outbox_events
         WHERE delivered_at IS NULL AND failed_at IS NULL AND available_at <= clock_timestamp()
           AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
         ORDER BY available_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING id, event, payload, attempts`,
    [LEASE_SECONDS, BATCH]
  )
  return (rows as Claimed[]).sort((a, b) => Number(a.id) - Number(b.id))
}

export interface DrainResult {
  delivered: number
  failed: number
}

/** Delivers every due event; returns how many were delivered and how many failed this time. */
export async function drainOutbox(): Promise<DrainResult> {
  const emitter = await app.container.make('emitter')
  const result: DrainResult = { delivered: 0, failed: 0 }
  for (let batch = await claim(); batch.length; batch = await claim()) {
    for (const row of batch) {
      try {
        await delivering.run({ id: row.id }, () =>
          emitter.emit(row.event as any, row.payload as any)
        )
        await db.rawQuery(
          `UPDATE outbox_events SET delivered_at = clock_timestamp(), claimed_until = NULL, last_error = NULL WHERE id = ?`,
          [row.id]
        )
        result.delivered++
      } catch (error) {
        result.failed++
        const last = row.attempts >= MAX_ATTEMPTS
        const message = String((error as Error)?.stack ?? error).slice(0, 2000)
        await db.rawQuery(
          `UPDATE outbox_events SET claimed_until = NULL, last_error = ?,
                  available_at = clock_timestamp() + make_interval(secs => ?), failed_at = CASE WHEN ? THEN clock_timestamp() END
            WHERE id = ?`,
          [message, backoffSeconds(row.attempts), last, row.id]
        )
        const log = { err: error, outboxId: row.id, event: row.event, attempt: row.attempts }
        if (last) logger.error(log, 'outbox event gave up after its last retry')
        else logger.warn(log, 'outbox listener failed; will retry')
      }
    }
  }
  return result
}

/** Delivered rows are kept a week for tracing, then removed by the sweep. */
export async function pruneDeliveredOutbox(days = 7): Promise<number> {
  const { rowCount } = await db.rawQuery(
    `DELETE FROM outbox_events WHERE delivered_at < clock_timestamp() - make_interval(days => ?)`,
    [days]
  )
  return rowCount ?? 0
}
