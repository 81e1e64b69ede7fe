/*
| Domain events that change dashboard figures mark their region dirty; the
| refresh job (every 15 minutes) recomputes only those regions. Marking is
| one upsert, so a burst of payments costs almost nothing here. Steps
| that raise no event (a case accepted, a review hidden) are found by the
| job through each counter's `regionsChangedSince`.
*/
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { markDirty } from './rollups.js'

const EVENTS = [
  'funds:order_paid',
  'funds:class_released',
  'funds:refund_settled',
  'funds:anomaly_raised',
  'registry:list_changed',
  'registry:filing_approved',
  'registry:institution_removed',
  'registry:institution_restored',
  'complaints:filed',
  'complaints:closed',
  'complaints:overdue',
  'complaints:review_posted',
] as const

let subscribed = false

/**
 * Called once when the application starts (the statistics provider). The
 * emitter is taken from the container, which has it in every environment
 * (the `services/emitter` binding is not filled for some ace commands).
 */
export function subscribeRollupEvents() {
  if (subscribed) return
  subscribed = true
  void app.container.make('emitter').then((emitter) => {
    for (const name of EVENTS) {
      emitter.on(name, async (event: { regionCode: string }) => {
        /* Statistics must never break the action that emitted the event. */
        await markDirty(event.regionCode).catch((error) =>
          logger.error({ err: error, event: name }, 'could not mark statistics dirty')
        )
      })
    }
  })
}
