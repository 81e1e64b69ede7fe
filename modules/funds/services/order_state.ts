import type Order from '../models/order.js'
import type { OrderStatus } from '../models/order.js'

/** An order's status follows from its totals once it is paid. */
export function settledStatus(
  order: Pick<Order, 'mode' | 'classCount' | 'classesConsumed' | 'classesRefunded' | 'refundingFen'>
): OrderStatus {
  if (order.refundingFen > 0) return 'refunding'
  if (order.classesRefunded === order.classCount) return 'refunded'
  if (order.classesConsumed + order.classesRefunded === order.classCount) return 'completed'
  if (order.classesConsumed > 0 || order.classesRefunded > 0) return 'in_progress'
  return 'paid'
}

/** Classes of a paid prepaid order nobody has taken or had refunded: what a refund may return. */
export function unconsumedClasses(
  order: Pick<Order, 'classCount' | 'classesConsumed' | 'classesRefunded'>
): number {
  return order.classCount - order.classesConsumed - order.classesRefunded
}
