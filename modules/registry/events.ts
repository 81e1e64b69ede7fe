/*
| Domain events the registry emits (after commit). Other modules and
| plugin policies react to them; every event carries its region.
*/
import type { ListStatus } from './models/institution.js'

export interface ListChangedEvent {
  /** The institution whose status changed. */
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
  /** The status before: none (no approved filing), white, grey or black. */
  from: ListStatus
  /** The status now. */
  to: ListStatus
}

export interface FilingApprovedEvent {
  /** The institution whose filing was approved (or, for a restoration, which was restored). */
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
}

export interface InstitutionRemovedEvent {
  /** The removed institution. */
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
  /** The bureau's reason (also the text of the notice, when one is published). */
  reason: string
}

/** Where an institution's prepaid fees are held, as filed. */
export interface SupervisionFacts {
  /** The supervising bank, as filed; null when none is filed. */
  bank: string | null
  /** The supervised account's number, as filed; null when none is filed. */
  account: string | null
  /** Bank custody of the prepaid fees, or a risk deposit; null when none is filed. */
  escrowModel: 'bank_custody' | 'risk_deposit' | null
}

/** An approved change request moved the supervised account (delivered through the outbox). */
export interface SupervisionChangedEvent {
  /** The institution whose supervised account moved. */
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
  /** The approved change request that moved it. */
  changeRequestId: number
  /** Bank, account and model before the change. */
  from: SupervisionFacts
  /** Bank, account and model after it. */
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
