/*
| Domain events the registry emits (after commit). Other modules and
| plugin policies react to them; every event carries its region.
*/
import type { ListStatus } from './models/institution.js'

export interface ListChangedEvent {
  institutionId: number
  regionCode: string
  from: ListStatus
  to: ListStatus
}

export interface FilingApprovedEvent {
  institutionId: number
  regionCode: string
}

export interface InstitutionRemovedEvent {
  institutionId: number
  regionCode: string
  reason: string
}

/** Where an institution's prepaid fees are held, as filed. */
export interface SupervisionFacts {
  bank: string | null
  account: string | null
  escrowModel: 'bank_custody' | 'risk_deposit' | null
}

/** An approved change request moved the supervised account (delivered through the outbox). */
export interface SupervisionChangedEvent {
  institutionId: number
  regionCode: string
  changeRequestId: number
  from: SupervisionFacts
  to: SupervisionFacts
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'registry:list_changed': ListChangedEvent
    'registry:filing_approved': FilingApprovedEvent
    'registry:institution_removed': InstitutionRemovedEvent
    'registry:institution_restored': FilingApprovedEvent
    'registry:supervision_changed': SupervisionChangedEvent
  }
}

declare module '#plugin_sdk' {
  interface DomainEvents {
    'registry:list_changed': ListChangedEvent
    'registry:filing_approved': FilingApprovedEvent
    'registry:institution_removed': InstitutionRemovedEvent
  }
}
