/*
| Domain events the catalog publishes through the outbox (delivered after commit). Each carries its region.
*/
export interface CourseListedEvent {
  /** The course (its id in the catalog). */
  courseId: number
  /** The institution giving the course. */
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
}

export interface CourseTakenDownEvent extends CourseListedEvent {
  /** The bureau's reason, as the institution and parents read it. */
  reason: string
}

export interface ContractSignedEvent {
  /** The signed contract. */
  contractId: number
  /** The course it is for. */
  courseId: number
  /** The institution that is party to it. */
  institutionId: number
  /** The parent who signed (an account id; no other personal data). */
  parentUserId: number
  /** The institution's region (its county), as the contract names it. */
  regionCode: string
  /** The price of every class of the course, in fen. */
  totalFen: number
  /** What one charge (one order) takes, in fen: all of it when the course is paid at once. */
  perChargeFen: number
}

/** An unpaid contract's seat hold ran out: the contract is terminated and its seat free. */
export interface ContractLapsedEvent {
  /** The terminated contract. */
  contractId: number
  /** The course whose seat it held. */
  courseId: number
  /** The institution that was party to it. */
  institutionId: number
  /** The parent who signed it (an account id; no other personal data). */
  parentUserId: number
  /** The institution's region (its county), as the contract names it. */
  regionCode: string
}

export interface MaterialCheckFailedEvent {
  /** The training material that failed the check. */
  materialId: number
  /** The institution that uses it. */
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
  /** The inspection finding the failure opened (a rectification case with a deadline). */
  findingId: number
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'catalog:course_listed': CourseListedEvent
    'catalog:course_taken_down': CourseTakenDownEvent
    'catalog:contract_signed': ContractSignedEvent
    'catalog:contract_lapsed': ContractLapsedEvent
    'catalog:material_check_failed': MaterialCheckFailedEvent
  }
}

declare module '#plugin_sdk' {
  interface DomainEvents {
    /**
     * A course went on sale: submitted by its institution when it needs no
     * review (a non-academic course never taken down), or approved by a
     * bureau.
     */
    'catalog:course_listed': CourseListedEvent
    /** A bureau took a course off sale (or out of review), giving its reason. */
    'catalog:course_taken_down': CourseTakenDownEvent
    /**
     * A parent signed a course's contract. Nothing is paid yet: the seat
     * is held while the first order awaits payment.
     */
    'catalog:contract_signed': ContractSignedEvent
    /** A signed contract was never paid and its seat hold ran out: it is terminated. */
    'catalog:contract_lapsed': ContractLapsedEvent
    /**
     * A bureau's spot check found a training material failing, and a
     * rectification case was opened for the institution.
     */
    'catalog:material_check_failed': MaterialCheckFailedEvent
  }
}
