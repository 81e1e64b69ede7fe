import db from '@adonisjs/lucid/services/db'

/** Unpaid orders lapse after their deadline; a payment that still arrives later revives its order (see ApplyChannelNotice). */
export class ExpireOrders {
  async handle(now = new Date()): Promise<number> {
    const expired = await db.from('orders').where('status', 'awaiting_payment').where('expires_at', '<', now).update({ status: 'cancelled', closed_at: now, updated_at: now }).returning('id')
    return expired.length
  }
}
