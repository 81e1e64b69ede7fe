import db from '@adonisjs/lucid/services/db'

/*
| The operators' tabs. 'undelivered' is a sent text whose carrier reported
| that the handset never got it; 'sent' holds the other sent texts
| (delivered, or awaiting their report), so each text is in one tab.
*/
export const DELIVERY_STATUSES = ['failed', 'undelivered', 'retrying', 'queued', 'sent'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

const TAB = `CASE WHEN status = 'sent' AND delivery_status = 'undelivered' THEN 'undelivered' ELSE status END`

/** Texts by status for the ministry's operators: masked recipient and body, never a parameter. */
export async function deliveriesPage(status: DeliveryStatus, page: number) {
  const result = await db
    .from('message_deliveries')
    .whereRaw(`${TAB} = ?`, [status])
    .select(
      'id',
      'kind',
      'recipient_masked',
      'body_masked',
      'provider',
      'status',
      'attempts',
      'provider_message_id',
      'failure',
      'provider_code',
      'last_error',
      'created_at',
      'sent_at',
      'failed_at',
      'delivery_status',
      'delivered_at',
      'delivery_code'
    )
    .orderBy('id', 'desc')
    .paginate(Math.max(1, page), 30)
  return {
    rows: result.all(),
    page: result.currentPage,
    lastPage: result.lastPage,
    total: result.total,
  }
}

export async function deliveryCounts(): Promise<Record<DeliveryStatus, number>> {
  const rows = await db
    .from('message_deliveries')
    .where('created_at', '>', db.raw(`now() - interval '7 days'`))
    .groupByRaw(TAB)
    .select(db.raw(`${TAB} AS tab`))
    .count('* as n')
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<
    DeliveryStatus,
    number
  >
  for (const row of rows) counts[row.tab as DeliveryStatus] = Number(row.n)
  return counts
}

/** Texts the development channel kept, newest first (/dev/outbox). */
export async function devTextsPage(page: number) {
  const result = await db.from('dev_texts').orderBy('id', 'desc').paginate(Math.max(1, page), 30)
  return { rows: result.all(), page: result.currentPage, lastPage: result.lastPage }
}
