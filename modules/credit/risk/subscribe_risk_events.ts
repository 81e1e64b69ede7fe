/*
| The domain events that move a risk fact of an institution: each queues a
| re-evaluation of that institution (EvaluateRiskJob), delivered after
| commit by the outbox; the evaluation recomputes from the facts, so a
| redelivered event or a retried job changes nothing.
*/
import type { EmitterService } from '@adonisjs/core/types'

export const RISK_EVENTS = [
  'funds:order_paid',
  'funds:refund_settled',
  'funds:refund_step',
  'funds:anomaly_raised',
  'complaints:filed',
  'complaints:overdue',
  'complaints:closed',
  'registry:list_changed',
  'registry:filing_approved',
  /* Removed: evaluated no more, so its open warnings are lifted (and their freezes released). */
  'registry:institution_removed',
  'catalog:course_listed',
  'catalog:course_taken_down',
] as const

export async function subscribeRiskEvents(emitter: EmitterService) {
  const { default: EvaluateRiskJob } = await import('../jobs/evaluate_risk_job.js')
  for (const name of RISK_EVENTS)
    emitter.on(name, async (event: { institutionId: number | null }) => {
      if (event.institutionId)
        await EvaluateRiskJob.dispatch({ institutionIds: [event.institutionId] })
    })
}
