/*
| Domain events the catalog publishes through the outbox (delivered after commit). Each carries its region.
*/
export interface CourseListedEvent {
  courseId: number
  institutionId: number
  regionCode: string
}

export interface CourseTakenDownEvent extends CourseListedEvent {
  reason: string
}

export interface ContractSignedEvent {
  contractId: number
  courseId: number
  institutionId: number
  parentUserId: number
  regionCode: string
  totalFen: number
  perChargeFen: number
}

/** An unpaid contract's seat hold ran out: the contract is terminated and its seat free. */
export interface ContractLapsedEvent {
  contractId: number
  courseId: number
  institutionId: number
  parentUserId: number
  regionCode: string
}

export interface MaterialCheckFailedEvent {
  materialId: number
  institutionId: number
  regionCode: string
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
    'catalog:course_listed': CourseListedEvent
    'catalog:course_taken_down': CourseTakenDownEvent
    'catalog:contract_signed': ContractSignedEvent
    'catalog:contract_lapsed': ContractLapsedEvent
    'catalog:material_check_failed': MaterialCheckFailedEvent
  }
}
