import app from '@adonisjs/core/services/app'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { publish } from '#kernel/shared/outbox'
import Complaint from '../models/complaint.js'
import { notifyComplainant } from './notify.js'

/*
| Texts to the complainant leave through the outbox: the step is committed
| first, then the text is sent once by the drain, and a crash between the
| two cannot lose it. Nothing secret goes into the event (the tracking code
| is texted directly at filing and never stored).
*/
export function queueComplainantUpdate(trx: TransactionClientContract, c: Complaint, what: string) {
  return publish(trx, 'complaints:complainant_update', {
    complaintId: c.id,
    what,
    regionCode: c.targetRegionCode,
  })
}

let subscribed = false

/** Called once when the application starts (the complaints provider). */
export function subscribeComplainantUpdates() {
  if (subscribed) return
  subscribed = true
  void app.container.make('emitter').then((emitter) => {
    emitter.on('complaints:complainant_update', async (event) => {
      const complaint = await Complaint.find(event.complaintId)
      if (complaint) await notifyComplainant(complaint, event.what)
    })
  })
}
