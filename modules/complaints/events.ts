/*
| Domain events the complaints module publishes through the outbox
| (delivered after commit). Each carries the region of the complaint's
| target so credit and risk can route it.
*/
export interface ComplaintFiledEvent {
  complaintId: number
  institutionId: number | null
  complaintType: string
  regionCode: string
}

export interface ComplaintClosedEvent {
  complaintId: number
  institutionId: number | null
  outcome: string
  timely: boolean
  regionCode: string
}

export interface ComplaintOverdueEvent {
  complaintId: number
  institutionId: number | null
  /** Who missed the deadline: the institution or a bureau's region. */
  missedBy: 'institution' | 'bureau'
  regionCode: string
}

export interface ReviewPostedEvent {
  reviewId: number
  institutionId: number
  rating: number
  regionCode: string
}

/** The complainant is to be texted that the case moved (internal: the text goes out once the step is committed). */
export interface ComplainantUpdateEvent {
  complaintId: number
  /** What happened, as the text says it (no personal data). */
  what: string
  regionCode: string
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'complaints:complainant_update': ComplainantUpdateEvent
    'complaints:filed': ComplaintFiledEvent
    'complaints:closed': ComplaintClosedEvent
    'complaints:overdue': ComplaintOverdueEvent
    'complaints:review_posted': ReviewPostedEvent
  }
}

declare module '#plugin_sdk' {
  interface DomainEvents {
    'complaints:filed': ComplaintFiledEvent
    'complaints:closed': ComplaintClosedEvent
    'complaints:overdue': ComplaintOverdueEvent
    'complaints:review_posted': ReviewPostedEvent
  }
}
