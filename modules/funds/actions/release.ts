/*
| Confirmed classes release their fees from the supervised account: the
| ledger moves the amount to "releasing" and the bank gets an instruction
| to pay it; when the bank reports the payment, it reaches the institution.
| How much of each confirmed class's fee is due now is the province's
| release schedule (funds.release.schedule; national: the whole fee at
| once). It is asked when a class is confirmed and every day by the tick
| (release_held_fees.ts) while fees stay held, so what it retains today is
| paid on the day it says. Both ask under the order's row lock: two asks at
| once release once.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { todayIso } from '#kernel/shared/dates'
import { contractSummary } from '#modules/catalog'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import { syncContractStatus } from '../services/contract_status.js'
import { settledStatus } from '../services/order_state.js'
import { releasePart } from '../services/release_part.js'
import { dueParts } from '../services/release_schedule.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'

export class ReleaseConfirmed {
  /** Returns how many parts of class fees were released (under the national schedule, one per class). */
  async handle(orderId: number, today = todayIso()): Promise<number> {
    const order = await Order.findOrFail(orderId)
    if (order.mode !== 'prepaid') return 0
    /* Read before the transaction: a second pooled connection inside it could starve the pool under load. */
    const account = await supervisedAccountOf(order.institutionId)
    const contract = await contractSummary(order.contractId)
    const released = await db.transaction(async (trx) => {
      const locked = await Order.query({ client: trx })
        .where('id', orderId)
        .forUpdate()
        .firstOrFail()
      const confirmed = await Consumption.query({ client: trx })
        .where('orderId', orderId)
        .whereIn('status', ['confirmed', 'auto_confirmed'])
        .whereNull('releasedAt')
        .orderBy('classNo')
        .forUpdate()
      if (!confirmed.length) return 0
      const parts = await dueParts(trx, locked, contract, confirmed, today)
      for (const { consumption, fen } of parts)
        await releasePart(trx, account, locked, consumption, fen)
      if (!parts.length) return 0
      locked.status = settledStatus(locked)
      if (locked.status === 'completed' && !locked.closedAt) locked.closedAt = DateTime.now()
      await locked.useTransaction(trx).save()
      return parts.length
    })
    if (released) await syncContractStatus(order.contractId)
    return released
  }
}
