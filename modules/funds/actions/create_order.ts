/*
| A parent's next charge under a signed contract. Each charge is one order
| and must stay within the charge limits of the institution's province
| (national: 60 classes or 3 months, 5,000 yuan, at most 1 month before
| the classes start; a renewal only when 20 or fewer classes remain).
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { todayIso } from '#kernel/shared/dates'
import { toRegionCode } from '#kernel/shared/region_code'
import { type CurrentUser, lineageOf } from '#modules/identity'
import { type ContractSummary, chargeLimits, contractSummary, holdSeat } from '#modules/catalog'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { fundDeadlines } from '../extension_points.js'
import Order from '../models/order.js'
import { businessNumber } from '../services/numbers.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'
import { assertChargeable } from '../services/sale_continues.js'
import {
  type ClosedPayment,
  closeAtChannel,
  closePendingPayments,
} from '../services/payment_closing.js'

const monthsBetween = (from: string, to: string) =>
  DateTime.fromISO(to).diff(DateTime.fromISO(from), 'months').months

export class CreateOrder {
  /**
   * "Learn first, pay later" (001): one order for every class of the
   * contract, nothing paid in advance; each class is paid after it is taken.
   */
  async #payLater(
    trx: TransactionClientContract,
    contract: ContractSummary,
    orders: Order[],
    all: Order[],
    provider?: string
  ): Promise<Order> {
    if (!contract.payAfterClassOffered) throw new DomainError('funds.orders.pay_later_not_offered')
    if (orders.length) throw new DomainError('funds.orders.pay_later_after_prepaid')
    /* Choosing to pay after each class commits the parent: the contract keeps its seat. */
    await holdSeat(contract.id, null, trx)
    return Order.create(
      newOrder(contract, {
        chargeNo: (all.at(-1)?.chargeNo ?? 0) + 1,
        mode: 'pay_later',
        firstClass: 1,
        classCount: contract.classCount,
        status: 'in_progress',
        provider: provider ?? 'sandbox',
        expiresAt: null,
      }),
      { client: trx }
    )
  }

  async handle(
    parent: CurrentUser,
    contractId: number,
    options: { provider?: string; today?: string; mode?: 'prepaid' | 'pay_later' } = {}
  ): Promise<Order> {
    const contract = await contractSummary(contractId)
    if (!contract || contract.parentUserId !== parent.id) throw new NotFoundException()
    if (contract.status === 'terminated' || contract.status === 'completed')
      throw new DomainError('funds.orders.contract_closed')
    if (contract.pricePerClassFen <= 0) throw new DomainError('funds.orders.free_course')
    /* A sales freeze stops new sales only: a contract with a charge paid (and not wholly refunded) goes on. */
    await assertChargeable(contract.id, contract.courseId)
    await supervisedAccountOf(contract.institutionId)
    const region = toRegionCode(contract.regionCode)
    const limits = await chargeLimits.resolve(region, {
      kind: contract.kind,
      delivery: contract.delivery,
    })
    const deadlines = await fundDeadlines.resolve(region, {})
    const today = options.today ?? todayIso()

    const closed: ClosedPayment[] = []
    const order = await db.transaction(async (trx) => {
      /* Charges of one contract are numbered in order: lock the contract's orders while choosing the next. */
      await trx.rawQuery('SELECT pg_advisory_xact_lock(?, ?)', [4201, contractId])
      const all = await Order.query({ client: trx })
        .where('contractId', contractId)
        .orderBy('chargeNo')
      const waiting = all.find((o) => o.status === 'awaiting_payment')
      if (
        waiting &&
        waiting.expiresAt &&
        waiting.expiresAt > DateTime.now() &&
        options.mode !== 'pay_later'
      )
        return waiting
      if (waiting) {
        await waiting
          .useTransaction(trx)
          .merge({ status: 'cancelled', closedAt: DateTime.now() })
          .save()
        /* The cashier of the order that gives way is closed, so it cannot be paid beside the new one. */
        closed.push(...(await closePendingPayments(trx, [waiting.id])))
      }
      const orders = all.filter((o) => o.status !== 'cancelled')
      if (options.mode === 'pay_later')
        return this.#payLater(trx, contract, orders, all, options.provider)
      if (orders.some((o) => o.mode === 'pay_later'))
        throw new DomainError('funds.orders.pay_later_chosen')
      const charged = orders.reduce((n, o) => n + o.classCount, 0)
      if (charged >= contract.classCount) throw new DomainError('funds.orders.fully_charged')
      const left = orders
        .filter((o) => o.mode === 'prepaid')
        .reduce((n, o) => n + o.classCount - o.classesConsumed - o.classesRefunded, 0)
      if (orders.length && left > limits.renewWhenClassesLeft)
        throw new DomainError('funds.orders.renewal_too_early', {
          left,
          limit: limits.renewWhenClassesLeft,
        })

      const firstClass = charged + 1
      const classCount = Math.min(
        contract.classesPerCharge,
        contract.classCount - charged,
        limits.maxClasses
      )
      const amountFen = classCount * contract.pricePerClassFen
      const firstDate = contract.classDates[firstClass - 1]
      const lastDate = contract.classDates[firstClass + classCount - 2]
      if (amountFen > limits.maxFen)
        throw new DomainError('funds.orders.over_amount_cap', { yuan: limits.maxFen / 100 })
      if (firstDate && lastDate && monthsBetween(firstDate, lastDate) > limits.maxMonths)
        throw new DomainError('funds.orders.over_months_cap', { months: limits.maxMonths })
      if (firstDate && monthsBetween(today, firstDate) > limits.maxMonthsAhead)
        throw new DomainError('funds.orders.too_early', {
          months: limits.maxMonthsAhead,
          date: firstDate,
        })

      const chargeNo = (all.at(-1)?.chargeNo ?? 0) + 1
      const expiresAt = DateTime.now().plus({ minutes: deadlines.unpaidOrderMinutes })
      /* An unpaid contract keeps its seat while this order can still be paid (catalog's seat hold). */
      await holdSeat(contract.id, expiresAt, trx)
      return Order.create(
        newOrder(contract, {
          chargeNo,
          mode: 'prepaid',
          firstClass,
          classCount,
          status: 'awaiting_payment',
          provider: options.provider ?? 'sandbox',
          expiresAt,
        }),
        { client: trx }
      )
    })
    await closeAtChannel(closed)
    return order
  }
}

/** A new order's row for a charge of a contract: the parties and region from the contract, nothing paid yet. */
export function newOrder(
  contract: ContractSummary,
  charge: Pick<
    Order,
    'chargeNo' | 'mode' | 'firstClass' | 'classCount' | 'status' | 'provider' | 'expiresAt'
  >
): Partial<Order> {
  const l = lineageOf(contract.regionCode)
  return {
    number: businessNumber('O'),
    contractId: contract.id,
    courseId: contract.courseId,
    institutionId: contract.institutionId,
    parentUserId: contract.parentUserId,
    regionCode: contract.regionCode,
    provinceCode: l.provinceCode!,
    cityCode: l.cityCode,
    countyCode: l.countyCode,
    pricePerClassFen: contract.pricePerClassFen,
    amountFen: charge.classCount * contract.pricePerClassFen,
    ...charge,
    paidFen: 0,
    releasedFen: 0,
    refundingFen: 0,
    refundedFen: 0,
    classesConsumed: 0,
    classesRefunded: 0,
  }
}
