/*
| The ledger's invariants, checked over the whole book with set-based SQL
| (tests, the reconciliation job and `node ace funds:check-ledger` use it).
| Each check returns the offending rows, so an empty result is a proof.
*/
import db from '@adonisjs/lucid/services/db'

export interface LedgerProblems {
  unbalancedTransactions: { id: number; sum: number }[]
  driftedAccounts: { code: string; balance: number; entries: number }[]
  overdrawnAccounts: { code: string; balance: number }[]
  ordersOffTheBooks: { id: number; problem: string }[]
  /** Sum of every entry in the book (must be 0). */
  total: number
}

export async function ledgerProblems(): Promise<LedgerProblems> {
  const unbalanced = await db.rawQuery(
    `SELECT transaction_id AS id, sum(amount_fen) AS sum FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_fen) <> 0 OR count(*) < 2 LIMIT 100`
  )
  const drifted = await db.rawQuery(`
    SELECT a.code, a.balance_fen AS balance, coalesce(e.total, 0) AS entries
    FROM ledger_accounts a LEFT JOIN (SELECT account_id, sum(amount_fen) AS total FROM ledger_entries GROUP BY account_id) e ON e.account_id = a.id
    WHERE a.balance_fen <> coalesce(e.total, 0) LIMIT 100`)
  const overdrawn = await db.rawQuery(
    `SELECT code, balance_fen AS balance FROM ledger_accounts WHERE non_negative AND balance_fen < 0 LIMIT 100`
  )
  /* An order's cached totals must equal what its ledger transactions say. */
  const orders = await db.rawQuery(`
    WITH moved AS (
      SELECT t.order_id,
        sum(CASE WHEN t.kind IN ('payment', 'pay_later') THEN e.amount_fen ELSE 0 END) AS paid,
        sum(CASE WHEN t.kind = 'release' THEN e.amount_fen WHEN t.kind = 'reversal' AND t.consumption_id IS NOT NULL THEN -e.amount_fen ELSE 0 END) AS released,
        sum(CASE WHEN t.kind = 'refund' THEN e.amount_fen WHEN t.kind = 'refund_failed' THEN -e.amount_fen WHEN t.kind = 'reversal' AND t.refund_id IS NOT NULL THEN -e.amount_fen ELSE 0 END) AS refund_started,
        sum(CASE WHEN t.kind = 'refund_paid' THEN e.amount_fen ELSE 0 END) AS refunded
      FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id AND e.amount_fen > 0
      WHERE t.order_id IS NOT NULL GROUP BY t.order_id
    )
    SELECT o.id, CASE
      WHEN o.paid_fen <> coalesce(m.paid, 0) THEN 'paid ' || o.paid_fen || ' vs ledger ' || coalesce(m.paid, 0)
      WHEN o.released_fen <> coalesce(m.released, 0) THEN 'released ' || o.released_fen || ' vs ledger ' || coalesce(m.released, 0)
      WHEN o.refunded_fen <> coalesce(m.refunded, 0) THEN 'refunded ' || o.refunded_fen || ' vs ledger ' || coalesce(m.refunded, 0)
      WHEN o.refunding_fen + o.refunded_fen <> coalesce(m.refund_started, 0) THEN 'refunds started ' || (o.refunding_fen + o.refunded_fen) || ' vs ledger ' || coalesce(m.refund_started, 0)
    END AS problem
    FROM orders o LEFT JOIN moved m ON m.order_id = o.id
    WHERE o.paid_fen <> coalesce(m.paid, 0) OR o.released_fen <> coalesce(m.released, 0) OR o.refunded_fen <> coalesce(m.refunded, 0)
       OR o.refunding_fen + o.refunded_fen <> coalesce(m.refund_started, 0)
    LIMIT 100`)
  const total = await db.rawQuery(
    `SELECT coalesce(sum(amount_fen), 0) AS total FROM ledger_entries`
  )
  const num = (rows: any[], ...keys: string[]) =>
    rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, keys.includes(k) ? Number(v) : v]))
    )
  return {
    unbalancedTransactions: num(unbalanced.rows, 'id', 'sum') as any,
    driftedAccounts: num(drifted.rows, 'balance', 'entries') as any,
    overdrawnAccounts: num(overdrawn.rows, 'balance') as any,
    ordersOffTheBooks: num(orders.rows, 'id') as any,
    total: Number(total.rows[0].total),
  }
}

export function isClean(p: LedgerProblems): boolean {
  return (
    !p.unbalancedTransactions.length &&
    !p.driftedAccounts.length &&
    !p.overdrawnAccounts.length &&
    !p.ordersOffTheBooks.length &&
    p.total === 0
  )
}
