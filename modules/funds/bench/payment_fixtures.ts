/*
| Benchmark support (`npm run bench`): fixtures for the payment-callback
| and refund benchmarks, made set-based before the clock starts. Refused
| unless BENCH_ROUTES is set, so a real deployment never runs them.
|
| Each fixture is a new charge (an order awaiting payment) of an existing
| prepaid contract, copying that contract's latest paid order, with a
| pending sandbox payment: exactly what StartPayment leaves behind before
| the channel calls back. Contracts whose classes have not started are
| preferred, so a refund requested afterwards is the full refund that
| needs nobody's approval.
*/
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import type { CurrentUser } from '#modules/identity'
import { RequestRefund } from '../actions/request_refund.js'
import Order from '../models/order.js'

export interface BenchPayment {
  orderId: number
  paymentNumber: string
  amountFen: number
}

export interface BenchRefund {
  orderId: number
  refundNumber: string
  amountFen: number
  status: string
}

function guard() {
  if (!env.get('BENCH_ROUTES'))
    throw new Error('Benchmark fixtures exist only when BENCH_ROUTES is set')
}

/** Latest order of each prepaid contract that is paid and not finished; `fresh` ones have no class taken. */
async function baseOrders(limit: number, fresh: boolean, exclude: number[]): Promise<any[]> {
  const started = `EXISTS (SELECT 1 FROM consumptions c WHERE c.contract_id = o.contract_id AND c.status <> 'disputed')`
  const { rows } = await db.rawQuery(
    `SELECT o.id, o.contract_id, o.course_id, o.institution_id, o.parent_user_id, o.region_code, o.province_code, o.city_code, o.county_code,
            o.class_count, o.price_per_class_fen, o.provider,
            (SELECT max(x.charge_no) FROM orders x WHERE x.contract_id = o.contract_id) AS last_charge
     FROM orders o
     WHERE o.mode = 'prepaid' AND o.status IN ('paid', 'in_progress') AND o.price_per_class_fen > 0 AND o.provider = 'sandbox'
       AND NOT EXISTS (SELECT 1 FROM orders y WHERE y.contract_id = o.contract_id AND y.id > o.id)
       AND ${fresh ? 'NOT ' : ''}${started}
       AND NOT (o.contract_id = ANY(?::bigint[]))
     LIMIT ?`,
    [exclude, limit]
  )
  return rows
}

/** `count` orders awaiting payment, each with a pending sandbox payment, ready for a signed callback. */
export async function pendingPaymentsForBench(count: number): Promise<BenchPayment[]> {
  guard()
  const fresh = await baseOrders(count, true, [])
  const base =
    fresh.length >= count
      ? fresh
      : [
          ...fresh,
          ...(await baseOrders(
            count - fresh.length,
            false,
            fresh.map((o) => o.contract_id)
          )),
        ]
  if (!base.length) throw new Error('No paid prepaid order to copy: seed the database first')
  const tag = Date.now().toString(36).toUpperCase()
  const perContract = Math.ceil(count / base.length)
  const orders: Record<string, unknown>[] = []
  for (let k = 1; k <= perContract && orders.length < count; k++) {
    for (const o of base) {
      if (orders.length >= count) break
      const classCount = Number(o.class_count)
      const price = Number(o.price_per_class_fen)
      orders.push({
        number: `OB${tag}${String(orders.length).padStart(7, '0')}`,
        contract_id: o.contract_id,
        course_id: o.course_id,
        institution_id: o.institution_id,
        parent_user_id: o.parent_user_id,
        region_code: o.region_code,
        province_code: o.province_code,
        city_code: o.city_code,
        county_code: o.county_code,
        mode: 'prepaid',
        charge_no: Number(o.last_charge) + k,
        first_class: 1,
        class_count: classCount,
        price_per_class_fen: price,
        amount_fen: classCount * price,
        status: 'awaiting_payment',
        provider: o.provider,
        expires_at: new Date(Date.now() + 2 * 3600_000),
        created_at: new Date(),
        updated_at: new Date(),
      })
    }
  }
  const payments: BenchPayment[] = []
  await db.transaction(async (trx) => {
    for (let i = 0; i < orders.length; i += 1000) {
      const inserted = await trx
        .table('orders')
        .multiInsert(orders.slice(i, i + 1000))
        .returning(['id', 'number', 'amount_fen'])
      const rows = inserted.map((o: any) => ({
        number: `PB${String(o.number).slice(2)}`,
        order_id: o.id,
        consumption_id: null,
        provider: 'sandbox',
        amount_fen: o.amount_fen,
        status: 'pending',
        created_at: new Date(),
        updated_at: new Date(),
      }))
      await trx.table('payments').multiInsert(rows)
      payments.push(
        ...rows.map((r: any) => ({
          orderId: Number(r.order_id),
          paymentNumber: r.number,
          amountFen: Number(r.amount_fen),
        }))
      )
    }
  })
  return payments
}

/**
 * The parent of a paid order asks for a refund of every class, through the
 * real action (before the first class it is approved at once and posted
 * supervised → refunding, and the channel is asked to pay it back).
 */
export async function requestRefundForBench(orderId: number): Promise<BenchRefund> {
  guard()
  const order = await Order.findOrFail(orderId)
  /* RequestRefund only reads the parent's id: the benchmark acts as the order's own parent. */
  const parent = { id: order.parentUserId } as unknown as CurrentUser
  const refund = await new RequestRefund().handle(parent, orderId, { reason: '压测：退费' })
  return {
    orderId,
    refundNumber: refund.number,
    amountFen: refund.amountFen,
    status: refund.status,
  }
}
