/*
| Reconciliation: the bank's reported balance of each supervised account
| against the ledger. What the bank should hold is what the ledger keeps
| for the students, plus instructions the bank has not executed yet, less
| payments the channel has not settled into the account yet. Raised:
|  - balance_mismatch      the bank holds other than that;
|  - under_covered         the bank holds less than the institution still
|                         owes its students for money that has arrived
|                         (times the province's held share);
|  - payment_not_settled  paid money has not reached the account in time;
|  - transfer_overdue     money moving to a new supervised account is late
|                         or left the old account and never arrived.
| An anomaly stays open, once per fingerprint, until a bureau closes it.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { publish } from '#kernel/shared/outbox'
import { DateTime } from 'luxon'
import { toRegionCode } from '#kernel/shared/region_code'
import { escrowPolicy, fundDeadlines } from '../extension_points.js'
import { accounts, balanceOf } from '../ledger/ledger.js'
import FundAnomaly, { type AnomalyKind } from '../models/fund_anomaly.js'
import SupervisedAccount from '../models/supervised_account.js'
import { transferAdjustmentFen } from './transfer_supervised_funds.js'
import { remindBureausOfAnomaly } from '../services/anomaly_reminders.js'

/**
 * Opens an anomaly (once per open fingerprint) and announces it, to the
 * bureaus' message centres too, in the same transaction: `trx` when the
 * caller's change raises it, else its own.
 */
export async function raiseAnomaly(
  account: SupervisedAccount,
  kind: AnomalyKind,
  severity: 'yellow' | 'red',
  evidence: Record<string, unknown>,
  fingerprint: string,
  trx?: TransactionClientContract
): Promise<FundAnomaly | null> {
  if (!trx)
    return db.transaction((own) =>
      raiseAnomaly(account, kind, severity, evidence, fingerprint, own)
    )
  const inserted = await trx.rawQuery(
    `INSERT INTO fund_anomalies (supervised_account_id, institution_id, bank_id, region_code, province_code, city_code, county_code, kind, severity, evidence, fingerprint, status, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', now()) ON CONFLICT (fingerprint) WHERE status = 'open' DO NOTHING RETURNING id`,
    [
      account.id,
      account.institutionId,
      account.bankId,
      account.regionCode,
      account.provinceCode,
      account.cityCode,
      account.countyCode,
      kind,
      severity,
      JSON.stringify(evidence),
      fingerprint,
    ] as any[]
  )
  if (!inserted.rows.length) return null
  const anomaly = await FundAnomaly.findOrFail(inserted.rows[0].id, { client: trx })
  await publish(trx, 'funds:anomaly_raised', {
    anomalyId: anomaly.id,
    kind,
    severity,
    institutionId: account.institutionId,
    regionCode: account.regionCode,
  })
  await remindBureausOfAnomaly(trx, anomaly)
  return anomaly
}

export interface AccountPosition {
  ledgerHeldFen: number
  unexecutedFen: number
  unsettledFen: number
  /** Transfers between the institution's records: negative while money is on the way, positive while the destination shows it before the source's debit is reported. */
  inTransitFen: number
  expectedBankFen: number
  reportedBankFen: number | null
  requiredFen: number
}

export async function positionOf(
  account: SupervisedAccount,
  now = DateTime.now()
): Promise<
  AccountPosition & {
    lateSettlements: { number: string; amountFen: number; succeededAt: string }[]
  }
> {
  const region = toRegionCode(account.regionCode)
  const [{ heldShareBp }, deadlines] = await Promise.all([
    escrowPolicy.resolve(region, { escrowModel: account.escrowModel }),
    fundDeadlines.resolve(region, {}),
  ])
  const ledgerHeldFen = await balanceOf(db, accounts.supervised(account.institutionId))
  /*
  | The ledger holds the institution's money, whichever of its account
  | records the bank has it in: after an approved supervision change the old
  | (closed) record and the new one are counted together, so the move
  | between them raises nothing, and a record is never compared alone with
  | the institution's whole balance.
  */
  const records = db
    .from('supervised_accounts')
    .where('institution_id', account.institutionId)
    .select('id')
  const reported = await db
    .from('supervised_accounts')
    .where('institution_id', account.institutionId)
    .whereNotNull('reported_balance_fen')
    .sum('reported_balance_fen as total')
    .count('* as n')
    .first()
  /* A rejected instruction's money is still at the bank until the bureau re-issues or reverses it. */
  const unexecuted = await db
    .from('bank_instructions')
    .whereIn('supervised_account_id', records)
    .whereIn('kind', ['release', 'refund'])
    .whereIn('status', ['sent', 'rejected'])
    .sum('amount_fen as total')
    .first()
  /* A transfer between the institution's own records leaves the sum alone, except while it is on the way. */
  const inTransitFen = await transferAdjustmentFen(db, account.institutionId)
  const unsettled = await db
    .from('payments')
    .join('orders', 'orders.id', 'payments.order_id')
    .where('orders.institution_id', account.institutionId)
    .where('orders.mode', 'prepaid')
    .where('payments.status', 'succeeded')
    .whereNull('payments.settled_movement_id')
    .select('payments.number', 'payments.amount_fen', 'payments.succeeded_at')
  const unexecutedFen = Number(unexecuted?.total ?? 0)
  const unsettledFen = unsettled.reduce((n, p) => n + Number(p.amount_fen), 0)
  const graceEnd = now.minus({ hours: deadlines.settlementGraceHours })
  return {
    ledgerHeldFen,
    unexecutedFen,
    unsettledFen,
    inTransitFen,
    expectedBankFen: ledgerHeldFen + unexecutedFen - unsettledFen + inTransitFen,
    reportedBankFen: Number(reported?.n ?? 0) > 0 ? Number(reported!.total) : null,
    /* Money still in transit cannot be in the account yet; it is watched by payment_not_settled instead. */
    requiredFen: Math.ceil((Math.max(0, ledgerHeldFen - unsettledFen) * heldShareBp) / 10_000),
    lateSettlements: unsettled
      .filter((p) => DateTime.fromJSDate(p.succeeded_at) < graceEnd)
      .map((p) => ({
        number: p.number,
        amountFen: Number(p.amount_fen),
        succeededAt: DateTime.fromJSDate(p.succeeded_at).toISO()!,
      })),
  }
}

/*
| A transfer to the new account is a bank's ordinary work for the same
| day: one not executed after three days is late (yellow); one that left
| the old account and has not arrived in the new one a day later is money
| lost between two banks (red).
*/
const TRANSFER_EXECUTION_DAYS = 3
const TRANSFER_ARRIVAL_DAYS = 1

async function stalledTransfers(institutionId: number, now: DateTime) {
  const rows = await db
    .from('bank_instructions')
    .join(
      'supervised_accounts',
      'supervised_accounts.id',
      'bank_instructions.supervised_account_id'
    )
    .where('supervised_accounts.institution_id', institutionId)
    .where('bank_instructions.kind', 'transfer')
    .whereNull('bank_instructions.credited_movement_id')
    .where((q) =>
      q
        .where((sent) =>
          sent
            .where('bank_instructions.status', 'sent')
            .where(
              'bank_instructions.created_at',
              '<',
              now.minus({ days: TRANSFER_EXECUTION_DAYS }).toJSDate()
            )
        )
        .orWhere((left) =>
          left
            .where('bank_instructions.status', 'executed')
            .where(
              'bank_instructions.executed_at',
              '<',
              now.minus({ days: TRANSFER_ARRIVAL_DAYS }).toJSDate()
            )
        )
    )
    .select('bank_instructions.number', 'bank_instructions.status', 'bank_instructions.amount_fen')
  return rows.map((r) => ({
    number: r.number as string,
    status: r.status as string,
    amountFen: Number(r.amount_fen),
  }))
}

export class Reconcile {
  async account(account: SupervisedAccount, now = DateTime.now()): Promise<AnomalyKind[]> {
    const raised: AnomalyKind[] = []
    const p = await positionOf(account, now)
    const evidence = {
      ...p,
      lateSettlements: undefined,
      reportedAt: account.reportedAt?.toISO() ?? null,
      checkedAt: now.toISO(),
    }
    if (p.reportedBankFen !== null && p.reportedBankFen !== p.expectedBankFen) {
      if (
        await raiseAnomaly(
          account,
          'balance_mismatch',
          p.reportedBankFen < p.expectedBankFen ? 'red' : 'yellow',
          { ...evidence, differenceFen: p.reportedBankFen - p.expectedBankFen },
          `balance_mismatch:${account.id}`
        )
      )
        raised.push('balance_mismatch')
    }
    /* Money on its way between the institution's own accounts still covers its students (transfer_overdue watches that it arrives), and money shown by both only once. */
    const coveredFen = p.reportedBankFen === null ? null : p.reportedBankFen - p.inTransitFen
    if (coveredFen !== null && coveredFen < p.requiredFen) {
      if (
        await raiseAnomaly(
          account,
          'under_covered',
          'red',
          { ...evidence, shortfallFen: p.requiredFen - coveredFen },
          `under_covered:${account.id}`
        )
      )
        raised.push('under_covered')
    }
    if (p.lateSettlements.length) {
      if (
        await raiseAnomaly(
          account,
          'payment_not_settled',
          'yellow',
          { ...evidence, payments: p.lateSettlements.slice(0, 50) },
          `payment_not_settled:${account.id}`
        )
      )
        raised.push('payment_not_settled')
    }
    const stalled = await stalledTransfers(account.institutionId, now)
    if (stalled.length) {
      const lost = stalled.some((t) => t.status === 'executed')
      if (
        await raiseAnomaly(
          account,
          'transfer_overdue',
          lost ? 'red' : 'yellow',
          { ...evidence, transfers: stalled },
          `transfer_overdue:${account.id}`
        )
      )
        raised.push('transfer_overdue')
    }
    await SupervisedAccount.query()
      .where('id', account.id)
      .update({ reconciled_at: now.toJSDate() })
    return raised
  }

  /** Every supervised account, in batches (the nightly job). */
  async all(now = DateTime.now()): Promise<{ accounts: number; raised: number }> {
    let lastId = 0
    let checked = 0
    let raised = 0
    for (;;) {
      /* Open records only: each one's position covers the institution's closed records too. */
      const batch = await SupervisedAccount.query()
        .where('id', '>', lastId)
        .where('status', 'open')
        .orderBy('id')
        .limit(500)
      if (!batch.length) break
      for (const account of batch) raised += (await this.account(account, now)).length
      checked += batch.length
      lastId = batch.at(-1)!.id
    }
    return { accounts: checked, raised }
  }
}
