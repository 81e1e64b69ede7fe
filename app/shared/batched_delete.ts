import db from '@adonisjs/lucid/services/db'

const BATCH = 5000

/**
 * Deletes the rows matching `condition` in batches of 5,000, so a large
 * prune never holds one long lock and the table stays writable.
 */
export async function deleteInBatches(
  table: string,
  key: string,
  condition: string,
  bindings: unknown[]
): Promise<number> {
  let deleted = 0
  for (;;) {
    const result = await db.rawQuery(
      `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${condition} LIMIT ${BATCH})`,
      bindings as any[]
    )
    deleted += result.rowCount as number
    if (result.rowCount < BATCH) return deleted
  }
}

/**
 * The limiter's counters (the kernel's rate_limits table) that expired
 * before `cutoff`; the limiter stores expiry as epoch milliseconds.
 */
export function pruneExpiredRateLimits(cutoff: Date): Promise<number> {
  return deleteInBatches('rate_limits', 'key', 'expire < ?', [cutoff.getTime()])
}
