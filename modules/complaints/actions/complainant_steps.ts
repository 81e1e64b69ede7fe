/*
| What the complainant can do with their own case: take it from the
| institution to the bureau, accept a result, ask once for a review by the
| bureau above, reopen once a case closed as resolved, rate the handling,
| or withdraw it.
*/
import { DomainError } from '#kernel/exceptions/domain_error'
import { onCase } from '../services/case_lock.js'
import { assignBureau, dueFor } from '../services/deadlines.js'
import { bureauAbove } from '../services/routing.js'
import { addStep } from '../services/trail.js'
import { bureauName } from '../services/units.js'
import { close, closed } from './bureau_handling.js'

const OPEN = ['with_institution', 'responded', 'submitted', 'accepted', 'replied'] as const

export class EscalateToBureau {
  async handle(id: number, reason: string) {
    return onCase(id, ['with_institution', 'responded'], async (c, trx) => {
      c.stage = 'bureau'
      c.status = 'submitted'
      c.dueOn = await dueFor(c, 'accept')
      await addStep(trx, c, {
        action: 'escalated_by_complainant',
        actorKind: 'complainant',
        unitName: c.nameMasked,
        note: reason,
      })
      await addStep(trx, c, {
        action: 'to_bureau',
        actorKind: 'system',
        unitName: bureauName(c.handlerRegionCode),
        dueOn: c.dueOn,
      })
    })
  }
}

export class AcceptResult {
  async handle(id: number) {
    const complaint = await onCase(id, ['responded', 'replied'], async (c, trx) => {
      close(c, c.outcome === 'unresolved' ? 'unresolved' : 'resolved')
      await addStep(trx, c, {
        action: 'result_accepted',
        actorKind: 'complainant',
        unitName: c.nameMasked,
      })
      await closed(trx, c)
    })
    return complaint
  }
}

export class RequestReview {
  async handle(id: number, reason: string) {
    return onCase(id, ['replied'], async (c, trx) => {
      if (c.reviewRequested)
        throw new DomainError('complaints.errors.review_once', {}, { status: 409 })
      const above = bureauAbove(c.handlerRegionCode)
      if (!above) throw new DomainError('complaints.errors.no_level_above', {}, { status: 409 })
      c.reviewRequested = true
      assignBureau(c, above)
      c.status = 'accepted'
      c.outcome = null
      c.dueOn = await dueFor(c, 'conclude')
      await addStep(trx, c, {
        action: 'review_requested',
        actorKind: 'complainant',
        unitName: c.nameMasked,
        note: reason,
      })
      await addStep(trx, c, {
        action: 'to_review',
        actorKind: 'system',
        unitName: bureauName(above),
        dueOn: c.dueOn,
      })
    })
  }
}

export class ReopenCase {
  async handle(id: number, reason: string) {
    return onCase(id, ['closed'], async (c, trx) => {
      if (c.outcome !== 'resolved' || c.reopened)
        throw new DomainError('complaints.errors.reopen_once', {}, { status: 409 })
      c.reopened = true
      c.stage = 'bureau'
      c.status = 'submitted'
      c.outcome = null
      c.closedAt = null
      c.rating = null
      c.ratingComment = null
      c.dueOn = await dueFor(c, 'accept')
      await addStep(trx, c, {
        action: 'reopened',
        actorKind: 'complainant',
        unitName: c.nameMasked,
        note: reason,
      })
      await addStep(trx, c, {
        action: 'to_bureau',
        actorKind: 'system',
        unitName: bureauName(c.handlerRegionCode),
        dueOn: c.dueOn,
      })
    })
  }
}

export class RateHandling {
  async handle(id: number, rating: number, comment: string | null) {
    return onCase(id, ['closed'], async (c, trx) => {
      if (c.rating !== null)
        throw new DomainError('complaints.errors.rated_once', {}, { status: 409 })
      c.rating = rating
      c.ratingComment = comment
      await addStep(trx, c, {
        action: 'rated',
        actorKind: 'complainant',
        unitName: c.nameMasked,
        note: `${'★'.repeat(rating)}${comment ? ` ${comment}` : ''}`,
      })
    })
  }
}

export class WithdrawCase {
  async handle(id: number) {
    const complaint = await onCase(id, OPEN, async (c, trx) => {
      close(c, 'withdrawn')
      await addStep(trx, c, {
        action: 'withdrawn',
        actorKind: 'complainant',
        unitName: c.nameMasked,
      })
      await closed(trx, c)
    })
    return complaint
  }
}
