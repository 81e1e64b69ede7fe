import Order from '../models/order.js'
import type { OrderStatus } from '../models/order.js'

/** What other modules may know of an order (a complaint's related order, a review's right to exist). */
export interface OrderFacts {
  id: number
  number: string
  parentUserId: number
  institutionId: number
  courseId: number
  contractId: number
  status: OrderStatus
  classCount: number
  classesConsumed: number
  amountFen: number
  createdAt: string
}

function factsOf(o: Order): OrderFacts {
  return {
    id: o.id,
    number: o.number,
    parentUserId: o.parentUserId,
    institutionId: o.institutionId,
    courseId: o.courseId,
    contractId: o.contractId,
    status: o.status,
    classCount: o.classCount,
    classesConsumed: o.classesConsumed,
    amountFen: o.amountFen,
    createdAt: o.createdAt.toISO()!,
  }
}

export async function orderFacts(id: number): Promise<OrderFacts | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null
  const order = await Order.find(id)
  return order ? factsOf(order) : null
}

/** A parent's orders, newest first (at most `limit`), for pickers such as a complaint's related order. */
export async function ordersOfParent(parentUserId: number, limit = 50): Promise<OrderFacts[]> {
  const rows = await Order.query()
    .where('parentUserId', parentUserId)
    .whereNot('status', 'cancelled')
    .orderBy('id', 'desc')
    .limit(limit)
  return rows.map(factsOf)
}
