/*
| Moving the students' money when the supervised account changes (finding
| 1). The ledger keeps an institution's held money in one account
| (`supervised:<inst>`) whichever bank account it sits in, so a transfer
| posts nothing: it is an instruction the old account's bank executes (its
| debit names the instruction) and the new account's bank confirms (its
| credit names it too). Reconciliation counts a transfer that left and has
| not arrived as money in transit, and one that arrived before the old bank
| reported the debit as counted twice, so neither raises a false alarm and
| money lost on the way is still caught.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { accounts } from '../ledger/ledger.js'
import BankInstruction from '../models/bank_instruction.js'
import type BankMovement from '../models/bank_movement.js'
import SupervisedAccount from '../models/supervised_account.js'
import { businessNumber } from '../services/numbers.js'

/**
 * What the old account should hand over: the money the ledger holds for the
 * students, less payments the channel has not settled into any account yet
 * (a later arrival in the closed account is forwarded by its own transfer).
 * Instructions already sent stay with the old account, which executes them.
 * The institution's held-money row is locked first, so no release or refund
 * posts between this reading and the instruction.
 */
async function heldInOldAccount(
  trx: TransactionClientContract,
  institutionId: number
): Promise<number> {
  const held = await trx
    .from('ledger_accounts')
    .where('code', accounts.supervised(institutionId).code)
    .forUpdate()
    .select('balance_fen')
    .first()
  const unsettled = await trx
    .from('payments')
    .join('orders', 'orders.id', 'payments.order_id')
    .where('orders.institution_id', institutionId)
    .where('orders.mode', 'prepaid')
    .where('payments.status', 'succeeded')
    .whereNull('payments.settled_movement_id')
    .sum('payments.amount_fen as total')
    .first()
  return Number(held?.balance_fen ?? 0) - Number(unsettled?.total ?? 0)
}

/**
 * Called right after an instruction's money left `supervised:<inst>` in the
 * ledger, which holds that account's row lock: a supervision change that
 * committed in the meantime counted this money into its transfer, so the
 * instruction is paid from the account that is open now, not the one read
 * before the lock.
 */
export async function payFromOpenAccount(
  trx: TransactionClientContract,
  instruction: BankInstruction,
  institutionId: number
): Promise<void> {
  const open = await SupervisedAccount.query({ client: trx })
    .where('institutionId', institutionId)
    .where('status', 'open')
    .first()
  if (!open || open.id === instruction.supervisedAccountId) return
  await instruction
    .useTransaction(trx)
    .merge({ supervisedAccountId: open.id, bankId: open.bankId })
    .save()
}

/** The transfer that opens a new account record, sent to the old account's bank with the change (once per new record). */
export async function sendOpeningTransfer(
  trx: TransactionClientContract,
  from: SupervisedAccount,
  to: SupervisedAccount
): Promise<BankInstruction | null> {
  /* An escrow-model change keeps the bank account: nothing moves. */
  if (from.bankId === to.bankId && from.accountNumber === to.accountNumber) return null
  const amountFen = await heldInOldAccount(trx, from.institutionId)
  if (amountFen <= 0) return null
  return BankInstruction.create(
    {
      number: businessNumber('T'),
      bankId: from.bankId,
      supervisedAccountId: from.id,
      targetAccountId: to.id,
      kind: 'transfer',
      amountFen,
      orderId: null,
      status: 'sent',
    },
    { client: trx }
  )
}

/**
 * A payment the channel still settled into a closed account is the
 * students' money in the wrong place: it is forwarded to the open record by
 * a transfer of its own, once per movement.
 */
export async function forwardStrayCredit(
  trx: TransactionClientContract,
  closed: SupervisedAccount,
  movement: BankMovement
): Promise<BankInstruction | null> {
  const open = await SupervisedAccount.query({ client: trx })
    .where('institutionId', closed.institutionId)
    .where('status', 'open')
    .first()
  if (!open) return null
  const inserted = await trx.rawQuery(
    `INSERT INTO bank_instructions (number, bank_id, supervised_account_id, target_account_id, kind, amount_fen, status, forwards_movement_id, created_at)
     VALUES (?, ?, ?, ?, 'transfer', ?, 'sent', ?, now())
     ON CONFLICT (forwards_movement_id) WHERE forwards_movement_id IS NOT NULL AND reissues_id IS NULL DO NOTHING RETURNING id`,
    [
      businessNumber('T'),
      closed.bankId,
      closed.id,
      open.id,
      movement.amountFen,
      movement.id,
    ] as any[]
  )
  return inserted.rows.length
    ? BankInstruction.findOrFail(inserted.rows[0].id, { client: trx })
    : null
}

/**
 * The destination bank's credit naming a transfer confirms it arrived
 * (before or after the source bank reports its debit). Returns the transfer
 * confirmed, or null when the credit names none of this account's.
 */
export async function confirmTransferArrival(
  trx: TransactionClientContract,
  account: SupervisedAccount,
  movement: BankMovement
): Promise<BankInstruction | null> {
  if (!movement.reference) return null
  const transfer = await BankInstruction.query({ client: trx })
    .where('number', movement.reference)
    .where('kind', 'transfer')
    .where('targetAccountId', account.id)
    .whereNull('creditedMovementId')
    .forUpdate()
    .first()
  if (
    !transfer ||
    transfer.amountFen !== movement.amountFen ||
    !['sent', 'executed'].includes(transfer.status)
  )
    return null
  await transfer.useTransaction(trx).merge({ creditedMovementId: movement.id }).save()
  return transfer
}

/**
 * Money a transfer has on the way, as reconciliation sees the sum of an
 * institution's records: left the old account and not yet in the new (less
 * than the ledger says), or in the new while the old still shows it (more).
 */
export async function transferAdjustmentFen(
  client: { from: TransactionClientContract['from'] },
  institutionId: number
): Promise<number> {
  const transfers = await client
    .from('bank_instructions')
    .join(
      'supervised_accounts',
      'supervised_accounts.id',
      'bank_instructions.supervised_account_id'
    )
    .where('supervised_accounts.institution_id', institutionId)
    .where('bank_instructions.kind', 'transfer')
    .whereIn('bank_instructions.status', ['sent', 'executed', 'rejected'])
    .select(
      'bank_instructions.status',
      'bank_instructions.amount_fen',
      'bank_instructions.credited_movement_id'
    )
  let adjustment = 0
  for (const t of transfers) {
    const left = t.status === 'executed'
    const arrived = t.credited_movement_id !== null
    if (left && !arrived) adjustment -= Number(t.amount_fen)
    if (arrived && !left) adjustment += Number(t.amount_fen)
  }
  return adjustment
}
