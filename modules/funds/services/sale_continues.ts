import { contractSummary, saleCheck } from '#modules/catalog'
import { DomainError } from '#kernel/exceptions/domain_error'
import Order from '../models/order.js'

/* Statuses of a charge that was paid (whatever happened to its classes since). */
const PAID_STATUSES = ['paid', 'in_progress', 'completed', 'refunding', 'refunded'] as const

/**
 * Whether a contract's next charge continues a sale already made: some
 * charge was paid and not wholly refunded. A sales freeze stops new sales
 * only, so only such a charge may be taken while the institution is frozen.
 */
export async function continuesSale(contractId: number): Promise<boolean> {
  const paid = await Order.query()
    .where('contractId', contractId)
    .whereIn('status', [...PAID_STATUSES])
    .whereRaw('paid_fen > refunded_fen')
    .first()
  return Boolean(paid)
}

/** Refuses a charge of a contract whose course cannot be sold now (a new sale under a freeze included). */
export async function assertChargeable(contractId: number, courseId?: number) {
  const course = courseId ?? (await contractSummary(contractId))?.courseId
  if (!course) throw new DomainError('funds.orders.not_saleable')
  const sale = await saleCheck(course, { continuing: await continuesSale(contractId) })
  if (!sale.saleable) throw new DomainError(sale.reason ?? 'funds.orders.not_saleable')
}
