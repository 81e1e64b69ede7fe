/*
| Domain events the afterschool module publishes through the outbox
| (delivered after commit). Each carries the institution's region so
| plugins and other listeners can route it.
*/

/** A school rated a provider at the end of a term it had an agreement for. */
export interface ProviderRatedEvent {
  /** The institution rated. */
  institutionId: number
  /** The institution's region (its county). */
  regionCode: string
  /** The school that rated it. */
  schoolId: number
  /** The institution's entry on the published list the school chose from. */
  applicationId: number
  /** The agreement's term, an ISO 8601 interval ("2027-09-01/2028-01-20"). */
  term: string
  /** Each 1–5. */
  quality: number
  safety: number
  punctuality: number
  /** The Beijing date of the rating (YYYY-MM-DD). */
  ratedOn: string
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'afterschool:provider_rated': ProviderRatedEvent
  }
}

declare module '#plugin_sdk' {
  interface DomainEvents {
    /** A school rated an after-school provider (quality, safety, punctuality) at term end. */
    'afterschool:provider_rated': ProviderRatedEvent
  }
}
