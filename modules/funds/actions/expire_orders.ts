import db from '@adonisjs/lucid/services/db'
import { closeAtChannel, closePendingPayments } from '../services/payment_closing.js'

/**
 * Unpaid orders lapse after their deadline, and their payments are closed at
 * the channel. A payment that still arrives later revives its order only if
 * no other order covers those classes (see ApplyChannelNotice); otherwise it
 * is returned to the payer.
 */
export class ExpireOrders {
  async handle(now = new Date()): Promise<number> {
    const { expired, closed } = await db.transaction(async (trx) => {
      const rows = await trx
        .from('orders')
        .where('status', 'awaiting_payment')
        .where('expires_at', '<', now)
        .update({ status: 'cancelled', closed_at: now, updated_at: now })
        .returning('id')
      const ids = rows.map((row: { id: number }) => Number(row.id))
      return { expired: ids.length, closed: await closePendingPayments(trx, ids) }
    })
    await closeAtChannel(closed)
    return expired
  }
}
