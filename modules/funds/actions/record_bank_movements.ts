/*
| What a bank tells the platform (Art. 9): the movements (动账) of the
| supervised accounts it holds (an instruction it could not execute is
| reject_instruction.ts). A credit is matched to the payment it settles or the transfer it
| receives; a debit to the release, refund or transfer instruction it
| executes. A debit with no instruction behind it is
| money leaving supervision unasked: an anomaly at once.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { accounts, post } from '../ledger/ledger.js'
import type Bank from '../models/bank.js'
import BankInstruction from '../models/bank_instruction.js'
import BankMovement from '../models/bank_movement.js'
import Payment from '../models/payment.js'
import SupervisedAccount from '../models/supervised_account.js'
import { raiseAnomaly } from './reconcile.js'
import { confirmTransferArrival, forwardStrayCredit } from './transfer_supervised_funds.js'

export interface ReportedMovement {
  bank_txn_id: string
  account_number: string
  direction: 'credit' | 'debit'
  amount_fen: number
  balance_after_fen: number
  reference?: string | null
  occurred_at: string
}

export type MovementOutcome = {
  bank_txn_id: string
  outcome: 'recorded' | 'duplicate' | 'rejected'
  matched?: 'payment' | 'instruction' | null
  reason?: string
}

function problemWith(m: any): string | null {
  if (typeof m?.bank_txn_id !== 'string' || !m.bank_txn_id || m.bank_txn_id.length > 64)
    return 'bank_txn_id missing'
  if (typeof m.account_number !== 'string') return 'account_number missing'
  if (m.direction !== 'credit' && m.direction !== 'debit')
    return 'direction must be credit or debit'
  if (!Number.isSafeInteger(m.amount_fen) || m.amount_fen <= 0)
    return 'amount_fen must be a positive whole number of fen'
  if (!Number.isSafeInteger(m.balance_after_fen))
    return 'balance_after_fen must be a whole number of fen'
  if (!DateTime.fromISO(String(m.occurred_at)).isValid) return 'occurred_at is not an ISO time'
  if (m.reference !== undefined && m.reference !== null && typeof m.reference !== 'string')
    return 'reference must be a string'
  return null
}

export class RecordBankMovements {
  async handle(bank: Bank, movements: unknown[]): Promise<MovementOutcome[]> {
    const results: MovementOutcome[] = []
    for (const m of movements.slice(0, 500) as ReportedMovement[]) {
      const problem = problemWith(m)
      if (problem) {
        results.push({
          bank_txn_id: String((m as any)?.bank_txn_id ?? ''),
          outcome: 'rejected',
          reason: problem,
        })
        continue
      }
      results.push(await this.#one(bank, m))
    }
    return results
  }

  async #one(bank: Bank, m: ReportedMovement): Promise<MovementOutcome> {
    /* An account number can have a closed record beside the open one (an escrow-model change keeps the number): the open one takes new movements. */
    const account = await SupervisedAccount.query()
      .where('bankId', bank.id)
      .where('accountNumber', m.account_number)
      .orderByRaw(`status = 'open' DESC`)
      .orderBy('id', 'desc')
      .first()
    if (!account)
      return {
        bank_txn_id: m.bank_txn_id,
        outcome: 'rejected',
        reason: 'account is not a supervised account of this bank',
      }
    return db.transaction(async (trx): Promise<MovementOutcome> => {
      const existing = await BankMovement.query({ client: trx })
        .where('bankId', bank.id)
        .where('bankTxnId', m.bank_txn_id)
        .first()
      if (existing) return { bank_txn_id: m.bank_txn_id, outcome: 'duplicate' }
      const occurredAt = DateTime.fromISO(m.occurred_at)
      const movement = await BankMovement.create(
        {
          bankId: bank.id,
          supervisedAccountId: account.id,
          bankTxnId: m.bank_txn_id,
          direction: m.direction,
          amountFen: m.amount_fen,
          balanceAfterFen: m.balance_after_fen,
          reference: m.reference?.slice(0, 64) ?? null,
          occurredAt,
        },
        { client: trx }
      )
      await trx
        .from('supervised_accounts')
        .where('id', account.id)
        .where((q) =>
          q.whereNull('reported_at').orWhere('reported_at', '<=', occurredAt.toJSDate())
        )
        .update({ reported_balance_fen: m.balance_after_fen, reported_at: occurredAt.toJSDate() })
      let matched: 'payment' | 'instruction' | null = null
      if (m.direction === 'credit' && m.reference) {
        const payment = await trx
          .from('payments')
          .join('orders', 'orders.id', 'payments.order_id')
          .where('payments.number', m.reference)
          .where('orders.institution_id', account.institutionId)
          .where('payments.amount_fen', m.amount_fen)
          .whereNull('payments.settled_movement_id')
          .select('payments.id')
          .first()
        if (payment) {
          await Payment.query({ client: trx })
            .where('id', payment.id)
            .update({ settled_movement_id: movement.id })
          movement.paymentId = payment.id
          matched = 'payment'
          if (account.status === 'closed') await forwardStrayCredit(trx, account, movement)
        }
      }
      if (m.direction === 'credit' && matched === null) {
        const transfer = await confirmTransferArrival(trx, account, movement)
        if (transfer) {
          movement.instructionId = transfer.id
          matched = 'instruction'
        }
      }
      if (m.direction === 'debit') {
        const instruction = m.reference
          ? await BankInstruction.query({ client: trx })
              .where('number', m.reference)
              .where('supervisedAccountId', account.id)
              .forUpdate()
              .first()
          : null
        /* Only an instruction still outstanding is executed: one the bureau reissued or reversed, or a refund's that was cancelled, is money the platform no longer asked for, so its debit is an alarm. */
        if (
          instruction &&
          instruction.status === 'sent' &&
          instruction.amountFen === m.amount_fen
        ) {
          instruction.merge({ status: 'executed', movementId: movement.id, executedAt: occurredAt })
          await instruction.useTransaction(trx).save()
          movement.instructionId = instruction.id
          matched = 'instruction'
          if (instruction.kind === 'release') {
            await post(trx, {
              kind: 'release_paid',
              idempotencyKey: `instruction:${instruction.id}:executed`,
              memo: `银行按指令 ${instruction.number} 向机构拨付课时费`,
              links: {
                orderId: instruction.orderId ?? undefined,
                consumptionId: instruction.consumptionId ?? undefined,
                instructionId: instruction.id,
                bankMovementId: movement.id,
              },
              from: accounts.releasing(account.institutionId),
              to: accounts.institution(account.institutionId),
              amountFen: instruction.amountFen,
            })
          }
        }
      }
      await movement.useTransaction(trx).save()
      /* Money left the account with no instruction: the alarm commits with the movement, or neither does. */
      if (m.direction === 'debit' && matched === null) {
        await raiseAnomaly(
          account,
          'unmatched_debit',
          'red',
          {
            movementId: movement.id,
            bankTxnId: movement.bankTxnId,
            amountFen: movement.amountFen,
            reference: movement.reference,
            occurredAt: movement.occurredAt.toISO(),
          },
          `unmatched_debit:${movement.id}`,
          trx
        )
      }
      return { bank_txn_id: m.bank_txn_id, outcome: 'recorded', matched }
    })
  }
}
