/*
| The daily re-ask of the release schedule (issue 14, item 11). A province
| may retain part of a class's fee until the course is over, or hold a
| minimum balance: that money is released on a later day, after the last
| class too, when no class is confirmed any more. So every day each prepaid
| order with a confirmed class whose fee is not all out is asked again,
| through the same release a confirmation uses. Two ticks at once release
| once: each order is released under its row lock and every part has a
| unique posting key and instruction tranche. One order whose rule fails
| is logged and skipped; the others are still paid.
*/
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { todayIso } from '#kernel/shared/dates'
import { ReleaseConfirmed } from './release.js'

const BATCH = 500

export interface ReleaseHeldFeesResult {
  /** Orders asked. */
  orders: number
  /** Parts of class fees released. */
  released: number
  /** Orders whose release failed (logged), to be asked again tomorrow. */
  failed: number
}

export class ReleaseHeldFees {
  async handle(today = todayIso()): Promise<ReleaseHeldFeesResult> {
    const result: ReleaseHeldFeesResult = { orders: 0, released: 0, failed: 0 }
    let after = 0
    for (;;) {
      const ids = await this.#ordersWithFeesHeld(after)
      for (const orderId of ids) {
        result.orders++
        try {
          result.released += await new ReleaseConfirmed().handle(orderId, today)
        } catch (error) {
          result.failed++
          logger.error({ err: error, orderId }, 'held class fees could not be released today')
        }
      }
      if (ids.length < BATCH) return result
      after = ids[ids.length - 1]!
    }
  }

  /* Keyset pages over the partial index of confirmed classes whose fee is not all released. */
  async #ordersWithFeesHeld(after: number): Promise<number[]> {
    const rows = await db
      .from('consumptions as c')
      .join('orders as o', 'o.id', 'c.order_id')
      .whereIn('c.status', ['confirmed', 'auto_confirmed'])
      .whereNull('c.released_at')
      .where('o.mode', 'prepaid')
      .where('c.order_id', '>', after)
      .distinct('c.order_id')
      .orderBy('c.order_id')
      .limit(BATCH)
    return rows.map((r: { order_id: number | string }) => Number(r.order_id))
  }
}
