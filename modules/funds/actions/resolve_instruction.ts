/*
| A way out for money a bank refused to pay (finding 21). The responsible
| bureau either re-issues the rejected instruction (a new instruction for
| the same amount; the ledger still holds the money in releasing or
| refunding) or, for a class fee, reverses it: the money goes back to the
| supervised account by a ledger reversal and the class is no longer
| counted as consumed (so its fee can be refunded, or released afresh if
| confirmed again). A refused refund instruction is only re-issued: the
| channel may already be paying the parent; a refused transfer (the money
| moving to a new supervised account) is only re-issued too. Both are written in the audit
| log by the controller.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import type { CurrentUser } from '#modules/identity'
import { type AccountRef, accounts, post } from '../ledger/ledger.js'
import BankInstruction from '../models/bank_instruction.js'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import { businessNumber } from '../services/numbers.js'
import { settledStatus } from '../services/order_state.js'

export class ResolveInstruction {
  async reissue(actor: CurrentUser, instructionId: number, note: string): Promise<BankInstruction> {
    return db.transaction(async (trx) => {
      const old = await this.#rejected(trx, instructionId)
      await old
        .useTransaction(trx)
        .merge({ status: 'reissued', resolvedBy: actor.id, resolutionNote: note })
        .save()
      return BankInstruction.create(
        {
          number: businessNumber(old.kind === 'transfer' ? 'T' : 'I'),
          bankId: old.bankId,
          supervisedAccountId: old.supervisedAccountId,
          kind: old.kind,
          amountFen: old.amountFen,
          orderId: old.orderId,
          consumptionId: old.consumptionId,
          tranche: old.tranche,
          refundId: old.refundId,
          targetAccountId: old.targetAccountId,
          forwardsMovementId: old.forwardsMovementId,
          status: 'sent',
          reissuesId: old.id,
        },
        { client: trx }
      )
    })
  }

  async reverse(actor: CurrentUser, instructionId: number, note: string): Promise<BankInstruction> {
    return db.transaction(async (trx) => {
      const unlocked = await BankInstruction.findOrFail(instructionId, { client: trx })
      /* A transfer moves money between the institution's own accounts: there is nothing to reverse, only to re-issue. */
      if (unlocked.kind !== 'release' || unlocked.orderId === null)
        throw new DomainError('funds.instructions.not_reversible')
      /* The order first, as every money movement of an order locks it first. */
      const order = await Order.query({ client: trx })
        .where('id', unlocked.orderId)
        .forUpdate()
        .firstOrFail()
      const instruction = await this.#rejected(trx, instructionId)
      /*
       * A refund already went to the payment channel when it was approved;
       * the channel may still pay it out after the bank refused its part, so
       * moving it back to supervision could refund the parent twice. A
       * refused refund instruction is re-issued, never reversed.
       */
      if (instruction.kind !== 'release') throw new DomainError('funds.instructions.not_reversible')
      const consumption = await Consumption.query({ client: trx })
        .where('id', instruction.consumptionId!)
        .forUpdate()
        .firstOrFail()
      /*
       * A class whose fee went out in parts (a retaining release schedule)
       * and another part of which was paid or is on its way cannot be
       * un-consumed by reversing one part: that would make its whole fee
       * refundable while part of it reached the institution. Re-issue it.
       */
      const otherParts = await BankInstruction.query({ client: trx })
        .where('consumptionId', consumption.id)
        .where('kind', 'release')
        .whereNot('id', instruction.id)
        .whereIn('status', ['sent', 'executed', 'rejected'])
        .first()
      if (otherParts) throw new DomainError('funds.instructions.partly_released')
      await this.#post(
        trx,
        instruction,
        accounts.releasing(order.institutionId),
        accounts.supervised(order.institutionId),
        `撤回拨付指令 ${instruction.number}，课时费回到监管账户`
      )
      await consumption
        .useTransaction(trx)
        .merge({
          status: 'disputed',
          releasedFen: consumption.releasedFen - instruction.amountFen,
          releasedAt: null,
          disputeReason: `监管部门撤回拨付：${note}`.slice(0, 500),
          decidedAt: DateTime.now(),
        })
        .save()
      order.releasedFen -= instruction.amountFen
      order.classesConsumed -= 1
      order.status = settledStatus(order)
      if (order.status !== 'completed' && order.status !== 'refunded') order.closedAt = null
      await order.useTransaction(trx).save()
      await instruction
        .useTransaction(trx)
        .merge({ status: 'reversed', resolvedBy: actor.id, resolutionNote: note })
        .save()
      return instruction
    })
  }

  async #rejected(trx: TransactionClientContract, id: number): Promise<BankInstruction> {
    const instruction = await BankInstruction.query({ client: trx })
      .where('id', id)
      .forUpdate()
      .first()
    if (!instruction || instruction.status !== 'rejected')
      throw new DomainError('funds.instructions.not_rejected')
    return instruction
  }

  async #post(
    trx: TransactionClientContract,
    instruction: BankInstruction,
    from: AccountRef,
    to: AccountRef,
    memo: string
  ) {
    const original = await trx
      .from('ledger_transactions')
      .where('instruction_id', instruction.id)
      .orderBy('id')
      .select('id')
      .first()
    await post(trx, {
      kind: 'reversal',
      idempotencyKey: `instruction:${instruction.id}:reversed`,
      memo,
      links: {
        orderId: instruction.orderId ?? undefined,
        consumptionId: instruction.consumptionId ?? undefined,
        refundId: instruction.refundId ?? undefined,
        instructionId: instruction.id,
        reversesId: original ? Number(original.id) : undefined,
      },
      from,
      to,
      amountFen: instruction.amountFen,
    })
  }
}
