import { contractSummary, setContractStatus } from '#modules/catalog'
import Order from '../models/order.js'

/** A contract ends when each of its charges is closed: terminated if any classes were refunded, completed once every class was taken. */
export async function syncContractStatus(contractId: number) {
  const orders = await Order.query().where('contractId', contractId).whereNot('status', 'cancelled')
  if (!orders.length || orders.some((o) => !['completed', 'refunded'].includes(o.status))) return
  if (orders.some((o) => o.classesRefunded > 0)) return setContractStatus(contractId, 'terminated')
  const contract = await contractSummary(contractId)
  if (contract && orders.reduce((n, o) => n + o.classCount, 0) >= contract.classCount)
    return setContractStatus(contractId, 'completed')
}
