/*
| Retention of what the machine endpoints keep (issue 13 item 14, review
| finding 25e). Art. 14 asks that fund movements be traceable, so what ties
| to money is kept for five years — the payment, refund and ledger rows
| themselves are never pruned; these are the messages that carried them:
|  - channel notices that moved money or were duplicates of one: 5 years;
|  - verified notices that were refused: 180 days (enough to answer a
|    provider's or parent's question about a refused callback);
|  - accepted bank API requests: 5 years (the bank's own reports);
|  - refused bank API requests (replays): 180 days;
|  - per-minute counts of unverified requests: 90 days.
| Deleted in small batches so the tables stay writable meanwhile.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'

export const MACHINE_RETENTION_DAYS = Object.freeze({
  moneyNotices: 5 * 366,
  refusedNotices: 180,
  acceptedBankRequests: 5 * 366,
  refusedBankRequests: 180,
  unverifiedCounts: 90,
})

const BATCH = 5000

export class PruneMachineRecords {
  async handle(now = DateTime.now()): Promise<Record<string, number>> {
    const before = (days: number) => now.minus({ days }).toJSDate()
    const r = MACHINE_RETENTION_DAYS
    return {
      channelNotices:
        (await this.#prune(
          'channel_notices',
          'id',
          `outcome IN ('applied', 'duplicate') AND received_at < ?`,
          [before(r.moneyNotices)]
        )) +
        (await this.#prune('channel_notices', 'id', `outcome = 'rejected' AND received_at < ?`, [
          before(r.refusedNotices),
        ])),
      bankApiRequests:
        (await this.#prune('bank_api_requests', 'id', `outcome = 'accepted' AND received_at < ?`, [
          before(r.acceptedBankRequests),
        ])) +
        (await this.#prune('bank_api_requests', 'id', `outcome = 'rejected' AND received_at < ?`, [
          before(r.refusedBankRequests),
        ])),
      unverifiedCounts: await this.#prune('machine_request_counts', 'ctid', 'minute < ?', [
        before(r.unverifiedCounts),
      ]),
    }
  }

  async #prune(
    table: string,
    key: 'id' | 'ctid',
    where: string,
    bindings: unknown[]
  ): Promise<number> {
    let deleted = 0
    for (;;) {
      const result = await db.rawQuery(
        `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${where} LIMIT ${BATCH})`,
        bindings as any[]
      )
      deleted += result.rowCount ?? 0
      if ((result.rowCount ?? 0) < BATCH) return deleted
    }
  }
}
