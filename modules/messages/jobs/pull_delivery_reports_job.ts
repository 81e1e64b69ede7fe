import { Job } from '@adonisjs/queue'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { unseal } from '#kernel/shared/personal_data'
import { channelFor } from '../channels/channel_for.js'
import { type Provider, providerConfigProblems } from '../channels/configured.js'
import {
  type DeliveryReport,
  ReportFetchError,
  type SentText,
  canFetchReports,
} from '../channels/sms_channel.js'

/* Providers keep receipts for days; a text with no report after three is left unknown. */
export const REPORT_WINDOW_HOURS = 72
const BATCH = 200
/* Newest first, so texts whose carrier never reports cannot crowd out the ones just sent. */
const MAX_ASKED_PER_RUN = 2000

export interface PulledReports {
  asked: number
  delivered: number
  undelivered: number
}

/**
 * Asks each real provider what became of its sent texts of the last 72
 * hours that have no report yet, in batches, and records the answers.
 * Recording only fills a report that is still missing, so two runs (or two
 * instances) racing over the same texts write each report once. The
 * development outbox sets its own report on send and is never asked.
 */
export async function pullDeliveryReports(): Promise<PulledReports> {
  const total: PulledReports = { asked: 0, delivered: 0, undelivered: 0 }
  for (const provider of await providersAwaitingReports()) {
    if (providerConfigProblems(provider).length > 0) {
      logger.warn({ provider }, 'delivery reports not pulled: the provider is not configured')
      continue
    }
    const channel = await channelFor(provider)
    if (!canFetchReports(channel)) continue
    let beforeId: number | null = null
    while (total.asked < MAX_ASKED_PER_RUN) {
      const rows = await awaitingReports(provider, beforeId)
      if (rows.length === 0) break
      total.asked += rows.length
      const sent: SentText[] = rows.map((row) => ({
        providerMessageId: row.provider_message_id,
        phone: unseal(row.recipient_cipher),
        sentAt: new Date(row.sent_at),
      }))
      try {
        add(total, await recordReports(provider, await channel.fetchReports(sent)))
      } catch (error) {
        /* What was learnt before a refusal is kept: Tencent hands each report out once. */
        if (error instanceof ReportFetchError)
          add(total, await recordReports(provider, error.reports))
        throw error
      }
      if (rows.length < BATCH) break
      beforeId = Number(rows.at(-1)!.id)
    }
  }
  return total
}

async function providersAwaitingReports(): Promise<Provider[]> {
  const rows = await awaiting().whereNot('provider', 'outbox').distinct('provider')
  return rows.map((row) => row.provider as Provider)
}

function awaiting() {
  return db
    .from('message_deliveries')
    .where('status', 'sent')
    .whereNull('delivery_status')
    .whereNotNull('provider_message_id')
    .where('sent_at', '>', db.raw(`now() - make_interval(hours => ?)`, [REPORT_WINDOW_HOURS]))
}

function awaitingReports(provider: Provider, beforeId: number | null) {
  const query = awaiting()
    .where('provider', provider)
    .select('id', 'provider_message_id', 'recipient_cipher', 'sent_at')
    .orderBy('id', 'desc')
    .limit(BATCH)
  return beforeId === null ? query : query.where('id', '<', beforeId)
}

/* One statement per batch; a pending answer changes nothing and is left to the next run. */
async function recordReports(
  provider: Provider,
  reports: DeliveryReport[]
): Promise<Omit<PulledReports, 'asked'>> {
  const known = new Map<string, DeliveryReport>()
  for (const report of reports)
    if (report.outcome !== 'pending') known.set(report.providerMessageId, report)
  if (known.size === 0) return { delivered: 0, undelivered: 0 }
  const list = [...known.values()]
  const result = await db.rawQuery(
    `UPDATE message_deliveries AS d
        SET delivery_status = r.outcome,
            delivered_at = CASE WHEN r.outcome = 'delivered' THEN coalesce(r.at, now()) END,
            delivery_code = left(r.code, 100)
       FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[]) AS r(id, outcome, at, code)
      WHERE d.provider = ?
        AND d.status = 'sent'
        AND d.delivery_status IS NULL
        AND d.provider_message_id = r.id
  RETURNING d.delivery_status`,
    [
      list.map((r) => r.providerMessageId),
      list.map((r) => r.outcome),
      list.map((r) => r.at?.toISOString() ?? null),
      list.map((r) => r.code ?? null),
      provider,
    ]
  )
  const outcomes = (result.rows as { delivery_status: string }[]).map((row) => row.delivery_status)
  return {
    delivered: outcomes.filter((o) => o === 'delivered').length,
    undelivered: outcomes.filter((o) => o === 'undelivered').length,
  }
}

function add(total: PulledReports, recorded: Omit<PulledReports, 'asked'>) {
  total.delivered += recorded.delivered
  total.undelivered += recorded.undelivered
}

/** Every 5 minutes: the handset delivery reports of texts sent in the last 72 hours. */
export default class PullDeliveryReportsJob extends Job<Record<string, never>> {
  static override options = {
    name: 'messages.pull_delivery_reports',
    queue: 'scheduled',
    maxRetries: 1,
  }

  async execute() {
    const pulled = await pullDeliveryReports()
    if (pulled.asked > 0) logger.info(pulled, 'delivery reports pulled')
  }
}
