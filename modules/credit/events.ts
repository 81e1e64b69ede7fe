/*
| Domain events the credit module publishes through the outbox (delivered
| after commit). Each carries the institution's region so plugins and
| other listeners can route it.
*/
export interface PenaltyRecordedEvent {
  /** The penalty decision recorded. */
  penaltyId: number
  /** The institution penalized. */
  institutionId: number
  /** warning, fine, confiscation, suspension or revocation (MOE Order No. 53). */
  kind: string
  /** The institution's region (its county). */
  regionCode: string
}

/** An institution's credit grade moved from one band to another (not its first computation). */
export interface GradeChangedEvent {
  institutionId: number
  fromGrade: string
  toGrade: string
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'credit:penalty_recorded': PenaltyRecordedEvent
    'credit:grade_changed': GradeChangedEvent
  }
}

declare module '#plugin_sdk' {
  interface DomainEvents {
    /** A bureau recorded an administrative penalty decision on an institution. */
    'credit:penalty_recorded': PenaltyRecordedEvent
    /** An institution's credit grade moved to another band. */
    'credit:grade_changed': GradeChangedEvent
  }
}
