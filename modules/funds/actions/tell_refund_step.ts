import { queueText } from '#modules/messages'
import { institutionSummary } from '#modules/registry'
import type { RefundStepEvent } from '../events.js'
import { refundStep, shorten } from '../services/refund_updates.js'

/**
 * Tells the parent a refund step (services/refund_updates.ts): inbox and
 * text, whatever their settings, because it is about their money. Run by
 * the outbox listener of `funds:refund_step`; the key (refund and status)
 * makes a redelivered step tell nobody twice.
 */
export class TellRefundStep {
  async handle(step: RefundStepEvent): Promise<void> {
    const what = refundStep(step)
    if (!what) return
    const institution = await institutionSummary(step.institutionId)
    await queueText({
      kind: 'refund_update',
      to: { userId: step.parentUserId },
      params: {
        institution: shorten(institution?.name ?? '培训机构', 30),
        what,
        yuan: (step.amountFen / 100).toFixed(2),
        order: step.orderId,
      },
      key: `refund_update:${step.refundId}:${step.status}`,
      link: `/parent/orders/${step.orderId}`,
    })
  }
}
