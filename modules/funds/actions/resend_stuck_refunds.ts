import { DateTime } from 'luxon'
import PaymentReturn from '../models/payment_return.js'
import Refund from '../models/refund.js'
import { sendReturn } from '../services/payment_returns.js'
import { sendToChannel } from '../services/refund_money.js'
import { FIRST_RETRY_MINUTES, GIVE_UP_AFTER_FAILURES, RETRY_BATCH } from '../services/retry.js'

/**
 * Refunds and payment returns the channel has not settled are sent again,
 * a bounded batch per run, each on its own backoff; a channel that fails
 * several times in a row ends the run (finding 19: the sweep never runs for
 * hours or crowds out the other deadlines).
 */
export class ResendStuckRefunds {
  async handle(now = DateTime.now()): Promise<number> {
    const due = (q: any) =>
      q
        .where((w: any) => w.whereNull('nextSendAt').orWhere('nextSendAt', '<=', now.toJSDate()))
        .orderByRaw('next_send_at NULLS FIRST, id')
        .limit(RETRY_BATCH)
    const refunds = await due(
      Refund.query()
        .where('status', 'refunding')
        .where('decidedAt', '<', now.minus({ minutes: FIRST_RETRY_MINUTES }).toJSDate())
    )
    const returns = await due(PaymentReturn.query().where('status', 'returning'))
    const work = [
      ...refunds.map((r: Refund) => () => sendToChannel(r)),
      ...returns.map((r: PaymentReturn) => () => sendReturn(r)),
    ].slice(0, RETRY_BATCH)
    let sent = 0
    let failures = 0
    for (const send of work) {
      if (await send()) {
        sent++
        failures = 0
      } else if (++failures >= GIVE_UP_AFTER_FAILURES) break
    }
    return sent
  }
}
