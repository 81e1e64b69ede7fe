/*
| Confirmed classes release their fees from the supervised account: the
| ledger moves the fee to "releasing" and the bank gets an instruction to
| pay it; when the bank reports the payment, it reaches the institution.
| Which confirmed classes are due now is the province's release schedule.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { publish } from '#kernel/shared/outbox'
import { todayIso } from '#kernel/shared/dates'
import { toRegionCode } from '#kernel/shared/region_code'
import { contractSummary } from '#modules/catalog'
import { releaseSchedule } from '../extension_points.js'
import { accounts, post } from '../ledger/ledger.js'
import BankInstruction from '../models/bank_instruction.js'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import { businessNumber } from '../services/numbers.js'
import { settledStatus } from '../services/order_state.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'
import { payFromOpenAccount } from './transfer_supervised_funds.js'
import { syncContractStatus } from '../services/contract_status.js'

export class ReleaseConfirmed {
  async handle(orderId: number, today = todayIso()): Promise<number> {
    const order = await Order.findOrFail(orderId)
    if (order.mode !== 'prepaid') return 0
    const account = await supervisedAccountOf(order.institutionId)
    const contract = await contractSummary(order.contractId)
    const released: Consumption[] = []
    await db.transaction(async (trx) => {
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
      if (!confirmed.length) return
      const due = new Set(
        await releaseSchedule.resolve(toRegionCode(locked.regionCode), {
          today,
          order: {
            id: locked.id,
            classCount: locked.classCount,
            lastClassDate: contract?.classDates[locked.lastClass - 1] ?? null,
          },
          confirmed: confirmed.map((c) => ({
            id: c.id,
            classNo: c.classNo,
            heldOn: c.heldOn.toISODate()!,
            confirmedOn: (c.decidedAt ?? DateTime.now()).setZone('Asia/Shanghai').toISODate()!,
            feeFen: c.feeFen,
          })),
        })
      )
      for (const consumption of confirmed.filter((c) => due.has(c.id))) {
        const instruction = await BankInstruction.create(
          {
            number: businessNumber('I'),
            bankId: account.bankId,
            supervisedAccountId: account.id,
            kind: 'release',
            amountFen: consumption.feeFen,
            orderId,
            consumptionId: consumption.id,
            status: 'sent',
          },
          { client: trx }
        )
        /* A class whose release the bureau reversed is released afresh when confirmed again: its posting needs a key of its own. */
        const reversals = Number(
          (
            await trx
              .from('bank_instructions')
              .where('consumption_id', consumption.id)
              .where('status', 'reversed')
              .count('* as n')
              .first()
          )?.n ?? 0
        )
        await post(trx, {
          kind: 'release',
          idempotencyKey: reversals
            ? `release:${consumption.id}:after-reversal:${reversals}`
            : `release:${consumption.id}`,
          memo: `第 ${consumption.classNo} 课次消课，释放课时费`,
          links: { orderId, consumptionId: consumption.id, instructionId: instruction.id },
          from: accounts.supervised(locked.institutionId),
          to: accounts.releasing(locked.institutionId),
          amountFen: consumption.feeFen,
        })
        await payFromOpenAccount(trx, instruction, locked.institutionId)
        await consumption.useTransaction(trx).merge({ releasedAt: DateTime.now() }).save()
        locked.releasedFen += consumption.feeFen
        released.push(consumption)
        await publish(trx, 'funds:class_released', {
          orderId,
          consumptionId: consumption.id,
          institutionId: order.institutionId,
          regionCode: order.regionCode,
          feeFen: consumption.feeFen,
        })
      }
      locked.status = settledStatus(locked)
      if (locked.status === 'completed') locked.closedAt = DateTime.now()
      await locked.useTransaction(trx).save()
    })
    if (released.length) await syncContractStatus(order.contractId)
    return released.length
  }
}
