import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { deleteInBatches as batched } from '#kernel/shared/batched_delete'

/*
| How long the messages module keeps what it sent:
| - message_deliveries (each text: recipient sealed, body with codes and
|   link tokens masked, the provider's id and outcome): 180 days, like the
|   national audit retention, so a disputed "I was never told" can be
|   answered for half a year;
| - inbox_messages: 1 year (a parent's record of what the platform told
|   them about their money; no secret is ever in one);
| - dev_texts (the development channel's whole texts, never in production): 1 day.
*/
export const RETENTION = {
  deliveriesDays: 180,
  inboxDays: 366,
  devTextsDays: 1,
  /* A text still queued or retrying after this (its outbox event given up, say) is abandoned and its sealed parameters wiped. */
  abandonAfterDays: 7,
} as const

export type PruneMessageCounts = Record<'abandoned' | 'deliveries' | 'inbox' | 'devTexts', number>

/** Deletes, in small batches so the tables stay writable, every row past its retention above. */
export async function pruneMessageLog(now: DateTime = DateTime.now()): Promise<PruneMessageCounts> {
  const before = (days: number) => now.minus({ days }).toSQL()!
  const abandoned = await db
    .from('message_deliveries')
    .whereIn('status', ['queued', 'retrying'])
    .where('created_at', '<', before(RETENTION.abandonAfterDays))
    .update({
      status: 'failed',
      failure: 'abandoned',
      params_cipher: null,
      failed_at: now.toJSDate(),
    })
  return {
    abandoned: Number(abandoned),
    /* A text still being retried keeps its row until it is sent or given up (abandoned above after a week). */
    deliveries: await batched(
      'message_deliveries',
      'id',
      `created_at < ? AND status IN ('sent', 'failed', 'skipped')`,
      [before(RETENTION.deliveriesDays)]
    ),
    inbox: await batched('inbox_messages', 'id', 'created_at < ?', [before(RETENTION.inboxDays)]),
    devTexts: await batched('dev_texts', 'id', 'created_at < ?', [before(RETENTION.devTextsDays)]),
  }
}
