/*
| Domain events the complaints module publishes through the outbox
| (delivered after commit). Each carries the region of the complaint's
| target so credit and risk can route it.
*/
export interface ComplaintFiledEvent {
  /** The complaint or tip-off filed. */
  complaintId: number
  /** The institution complained about; null when the target is unregistered (a tip-off, say). */
  institutionId: number | null
  /** unlicensed, enrolment (both tip-offs), refund, service, safety or other. */
  complaintType: string
  /** The target's region: the institution's county, or the county the complainant named. */
  regionCode: string
}

export interface ComplaintClosedEvent {
  /** The closed case. */
  complaintId: number
  /** The institution complained about; null when the target is unregistered. */
  institutionId: number | null
  /** resolved, unresolved, not_accepted or withdrawn. */
  outcome: string
  /** No deadline of the case was missed, by the institution or a bureau. */
  timely: boolean
  /** The target's region: the institution's county, or the county the complainant named. */
  regionCode: string
}

export interface ComplaintOverdueEvent {
  /** The case whose deadline passed. */
  complaintId: number
  /** The institution complained about; null when the target is unregistered. */
  institutionId: number | null
  /** Who missed the deadline: the institution or a bureau's region. */
  missedBy: 'institution' | 'bureau'
  /** The target's region (not the late bureau's): the institution's county, or the county named. */
  regionCode: string
}

export interface ReviewPostedEvent {
  /** The review posted. */
  reviewId: number
  /** The institution reviewed. */
  institutionId: number
  /** Stars, a whole number from 1 to 5. */
  rating: number
  /** The institution's region (its county). */
  regionCode: string
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'complaints:filed': ComplaintFiledEvent
    'complaints:closed': ComplaintClosedEvent
    'complaints:overdue': ComplaintOverdueEvent
    'complaints:review_posted': ReviewPostedEvent
  }
}

declare module '#plugin_sdk' {
  interface DomainEvents {
    /** A complaint or tip-off was filed, by a parent or by anyone through the public form. */
    'complaints:filed': ComplaintFiledEvent
    /**
     * A case ended: not accepted or closed by the bureau, its answer
     * accepted by the complainant (or left unanswered past its deadline),
     * or withdrawn.
     */
    'complaints:closed': ComplaintClosedEvent
    /**
     * A deadline passed with the case still waiting: it moves on to the
     * bureau (from the institution) or to the bureau above.
     */
    'complaints:overdue': ComplaintOverdueEvent
    /** A parent rated an institution for an order with at least one class taken. */
    'complaints:review_posted': ReviewPostedEvent
  }
}
