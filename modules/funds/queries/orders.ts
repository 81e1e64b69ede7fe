import db from '@adonisjs/lucid/services/db'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type CurrentUser, applyRegionScope } from '#modules/identity'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import Refund from '../models/refund.js'

const PER_PAGE = 20
export const pageOf = (n: unknown) => Math.max(1, Math.min(Number(n) || 1, 1000))

export async function findOrder(id: unknown): Promise<Order> {
  const n = Number(id)
  const order = Number.isSafeInteger(n) && n > 0 ? await Order.find(n) : null
  if (!order) throw new NotFoundException()
  return order
}

export function ordersOf(
  where: { parentUserId?: number; institutionId?: number; contractId?: number },
  page: unknown,
  status?: string
) {
  const query = Order.query().orderBy('createdAt', 'desc')
  if (where.parentUserId) query.where('parentUserId', where.parentUserId)
  if (where.institutionId) query.where('institutionId', where.institutionId)
  if (where.contractId) query.where('contractId', where.contractId)
  if (status) query.where('status', status)
  return query.paginate(pageOf(page), PER_PAGE)
}

export function regionOrders(user: CurrentUser, page: unknown, institutionId?: number) {
  const query = applyRegionScope(Order.query(), user.regionCode).orderBy('createdAt', 'desc')
  if (institutionId) query.where('institutionId', institutionId)
  return query.paginate(pageOf(page), PER_PAGE)
}

/** Everything the statement of one order shows: its classes, refunds and every ledger movement. */
export async function orderStatement(order: Order) {
  const [classes, refunds, movements, payments] = await Promise.all([
    Consumption.query().where('orderId', order.id).orderBy('classNo'),
    Refund.query().where('orderId', order.id).orderBy('createdAt', 'desc'),
    db
      .from('ledger_transactions as t')
      .join('ledger_entries as e', (j) =>
        j.on('e.transaction_id', 't.id').andOnVal('e.amount_fen', '>', 0)
      )
      .join('ledger_accounts as a', 'a.id', 'e.account_id')
      .where('t.order_id', order.id)
      .orderBy('t.id')
      .select(
        't.id',
        't.kind',
        't.memo',
        'e.amount_fen',
        'a.kind as to_kind',
        db.raw(`to_char(t.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as at`)
      ),
    db
      .from('payments')
      .where('order_id', order.id)
      .orderBy('id')
      .select('number', 'amount_fen', 'status', 'provider', 'succeeded_at', 'consumption_id'),
  ])
  return { classes, refunds, movements, payments, openRefund: refunds.find((r) => r.open) ?? null }
}
