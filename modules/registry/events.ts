/*
| Domain events the registry emits (after commit). Other modules and
| plugin policies react to them; every event carries its region.
*/
import type { ListStatus } from './models/institution.js'

export interface ListChangedEvent {
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
  /** The status before: none (no approved filing), white, grey or black. */
  from: ListStatus
  /** The status now. */
  to: ListStatus
}

export interface FilingApprovedEvent {
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
}

export interface InstitutionRemovedEvent {
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
  /** The bureau's reason (also the text of the notice, when one is published). */
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
    /**
     * An institution's list status changed (white, grey, black or none),
     * by the list rules or a bureau's override.
     */
    'registry:list_changed': ListChangedEvent
    /** A bureau approved an institution's filing. */
    'registry:filing_approved': FilingApprovedEvent
    /**
     * A bureau removed an institution from the platform: it leaves search
     * and the lists, its records stay (a major case is also published).
     */
    'registry:institution_removed': InstitutionRemovedEvent
  }
}
