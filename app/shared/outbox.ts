import type { EventsList } from '@adonisjs/core/types'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import OutboxDrainJob from '../jobs/outbox_drain_job.js'

/*
| Domain events leave a module through the outbox, never through a bare
| `emitter.emit`: the event row is written inside the caller's transaction,
| so a rolled-back change announces nothing and a committed one cannot lose
| its event (a crash right after COMMIT leaves the row for the sweep).
| After the transaction commits, a drain job is queued; it hands the event
| to the typed emitter (`outbox_drain.ts`). The kernel knows no module: the
| event names and payload types are whatever modules declare in EventsList.
*/

export type OutboxEvent = keyof EventsList & string

/** Writes the event in `trx`; it is delivered after `trx` commits, once. */
export async function publish<E extends OutboxEvent>(
  trx: TransactionClientContract,
  event: E,
  payload: EventsList[E]
): Promise<void> {
  await trx
    .insertQuery()
    .table('outbox_events')
    .insert({ event, payload: JSON.stringify(payload) })
  scheduleDrainAfterCommit(trx)
}

/** Writes many events of one kind in one statement (a batch's messages); nothing for none. */
export async function publishMany<E extends OutboxEvent>(
  trx: TransactionClientContract,
  event: E,
  payloads: EventsList[E][]
): Promise<void> {
  if (!payloads.length) return
  await trx
    .insertQuery()
    .table('outbox_events')
    .multiInsert(payloads.map((payload) => ({ event, payload: JSON.stringify(payload) })))
  scheduleDrainAfterCommit(trx)
}

const armed = new WeakSet<TransactionClientContract>()

/* One drain per transaction, however many events it published. */
function scheduleDrainAfterCommit(trx: TransactionClientContract) {
  if (armed.has(trx)) return
  armed.add(trx)
  trx.after('commit', async () => {
    try {
      await OutboxDrainJob.dispatch({})
    } catch (error) {
      /* The change is committed and the row is safe; the minute sweep delivers it. */
      logger.warn({ err: error }, 'outbox drain could not be queued; the sweep will deliver')
    }
  })
}
