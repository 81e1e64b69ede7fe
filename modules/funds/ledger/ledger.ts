/*
| Posting to the double-entry ledger. Where money is, by account:
|   channel:<provider>    parents' money coming in through a payment channel
|                         (goes negative as parents pay; back up on refunds)
|   supervised:<inst>     prepaid fees held for the institution's students
|   releasing:<inst>      class fees released, waiting for the bank to pay
|   refunding:<inst>      refunds approved, waiting for the channel
|   institution:<inst>    paid out to the institution (its own account)
| A payment moves channel → supervised; a confirmed class supervised →
| releasing → institution; a refund supervised → refunding → channel.
| "Learn first, pay later" goes channel → institution: nothing is held.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export const CHANNEL_SHARDS = 16

export type AccountKind = 'channel' | 'supervised' | 'releasing' | 'refunding' | 'institution'
export type TransactionKind =
  | 'payment'
  | 'release'
  | 'release_paid'
  | 'refund'
  | 'refund_paid'
  | 'refund_failed'
  | 'pay_later'
  | 'reversal'

const NON_NEGATIVE: Record<AccountKind, boolean> = {
  channel: false,
  supervised: true,
  releasing: true,
  refunding: true,
  institution: true,
}

export const accounts = {
  /*
  | A channel's money is spread over CHANNEL_SHARDS accounts (channel:<provider>:<n>,
  | n from the payment or refund id): every payment of the country moves a
  | channel balance, and one row for all of them made each payment wait for
  | the previous one's commit. The channel's balance is the sum of its shards
  | (codes channel:<provider>:*); `shard` left out is the provider's original account.
  */
  channel: (provider: string, shard?: number) => ({
    code:
      shard === undefined ? `channel:${provider}` : `channel:${provider}:${shard % CHANNEL_SHARDS}`,
    kind: 'channel' as const,
    institutionId: null,
  }),
  supervised: (institutionId: number) => ({
    code: `supervised:${institutionId}`,
    kind: 'supervised' as const,
    institutionId,
  }),
  releasing: (institutionId: number) => ({
    code: `releasing:${institutionId}`,
    kind: 'releasing' as const,
    institutionId,
  }),
  refunding: (institutionId: number) => ({
    code: `refunding:${institutionId}`,
    kind: 'refunding' as const,
    institutionId,
  }),
  institution: (institutionId: number) => ({
    code: `institution:${institutionId}`,
    kind: 'institution' as const,
    institutionId,
  }),
}
export type AccountRef = ReturnType<(typeof accounts)[keyof typeof accounts]>

export interface Posting {
  kind: TransactionKind
  /** One business event, one key: posting it again is a no-op. */
  idempotencyKey: string
  memo: string
  links?: {
    orderId?: number
    consumptionId?: number
    refundId?: number
    paymentId?: number
    instructionId?: number
    bankMovementId?: number
    reversesId?: number
  }
  /** A single transfer of `amountFen` from one account to another. */
  from: AccountRef
  to: AccountRef
  amountFen: number
}

export class LedgerError extends Error {}

async function accountId(trx: TransactionClientContract, ref: AccountRef): Promise<number> {
  const found = await trx.from('ledger_accounts').where('code', ref.code).select('id').first()
  if (found) return Number(found.id)
  const [row] = await trx
    .rawQuery(
      `INSERT INTO ledger_accounts (code, kind, institution_id, non_negative) VALUES (?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
      [ref.code, ref.kind, ref.institutionId, NON_NEGATIVE[ref.kind]] as any[]
    )
    .then((r) => r.rows)
  return Number(row.id)
}

/**
 * Posts one balanced transaction inside the caller's database transaction.
 * Returns the transaction id, or null when this event was already posted.
 */
export async function post(
  trx: TransactionClientContract,
  posting: Posting
): Promise<number | null> {
  if (!Number.isSafeInteger(posting.amountFen) || posting.amountFen <= 0)
    throw new LedgerError(
      `A posting moves a positive whole number of fen, got ${posting.amountFen}`
    )
  if (posting.from.code === posting.to.code)
    throw new LedgerError('A posting moves money between two different accounts')
  const links = posting.links ?? {}
  const inserted = await trx.rawQuery(
    `INSERT INTO ledger_transactions (kind, idempotency_key, memo, order_id, consumption_id, refund_id, payment_id, instruction_id, bank_movement_id, reverses_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      posting.kind,
      posting.idempotencyKey,
      posting.memo,
      links.orderId ?? null,
      links.consumptionId ?? null,
      links.refundId ?? null,
      links.paymentId ?? null,
      links.instructionId ?? null,
      links.bankMovementId ?? null,
      links.reversesId ?? null,
    ] as any[]
  )
  if (!inserted.rows.length) return null
  const transactionId = Number(inserted.rows[0].id)
  /*
  | Accounts are locked in one fixed order, so two postings touching the same
  | pair never deadlock: an institution's accounts by code, then the channel
  | accounts, which every payment of a channel shares, as late as possible.
  */
  const rank = (ref: AccountRef) => (ref.kind === 'channel' ? 1 : 0)
  const legs = [
    { ref: posting.from, amount: -posting.amountFen },
    { ref: posting.to, amount: posting.amountFen },
  ].sort((a, b) => rank(a.ref) - rank(b.ref) || a.ref.code.localeCompare(b.ref.code))
  for (const leg of legs) {
    await trx.table('ledger_entries').insert({
      transaction_id: transactionId,
      account_id: await accountId(trx, leg.ref),
      amount_fen: leg.amount,
      order_id: links.orderId ?? null,
    })
  }
  /*
  | Run the deferred balance checks now: an error raised by COMMIT itself is
  | swallowed by knex (the commit promise resolves and the work silently
  | rolls back), so the caller would believe money moved when it did not.
  */
  /* One round trip (no parameters: PostgreSQL's simple protocol takes both statements), as the channel row is locked by now. */
  await trx.rawQuery(
    'SET CONSTRAINTS ledger_transactions_balanced, ledger_entries_balanced IMMEDIATE; SET CONSTRAINTS ledger_transactions_balanced, ledger_entries_balanced DEFERRED'
  )
  return transactionId
}

/** Balance of an account in fen (0 for an account never used). */
export async function balanceOf(
  client: { from: TransactionClientContract['from'] },
  ref: AccountRef
): Promise<number> {
  const row = await client
    .from('ledger_accounts')
    .where('code', ref.code)
    .select('balance_fen')
    .first()
  return row ? Number(row.balance_fen) : 0
}
