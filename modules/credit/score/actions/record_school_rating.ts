import db from '@adonisjs/lucid/services/db'
import type { EventsList } from '@adonisjs/core/types'

/* Declared by the afterschool module (which depends on credit, so credit names it only by event). */
type ProviderRatedEvent = EventsList['afterschool:provider_rated']

/**
 * Keeps credit's copy of a school's term-end rating (the score may not
 * read afterschool's tables). Idempotent by school, entry and term, so a
 * redelivered event inserts nothing; returns whether it was new.
 */
export async function recordSchoolRating(event: ProviderRatedEvent): Promise<boolean> {
  const rows = await db
    .insertQuery()
    .table('credit_school_ratings')
    .insert({
      institution_id: event.institutionId,
      school_id: event.schoolId,
      application_id: event.applicationId,
      term: event.term,
      quality: event.quality,
      safety: event.safety,
      punctuality: event.punctuality,
      rated_on: event.ratedOn,
    })
    .onConflict(['school_id', 'application_id', 'term'])
    .ignore()
    .returning('id')
  return rows.length > 0
}
