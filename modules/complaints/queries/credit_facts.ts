import db from '@adonisjs/lucid/services/db'

/** What the credit score reads of the complaints and reviews about an institution. */
export interface ComplaintsCreditFacts {
  /** Complaints (not tip-offs, not withdrawn) filed in the window. */
  complaints: number
  /** Of those, the ones where a deadline was missed. */
  lateAnswers: number
  /** Visible reviews in the window, and their average stars (null without any). */
  reviews: number
  averageRating: number | null
}

/** Credit facts for many institutions in two grouped queries. */
export async function complaintsCreditFacts(
  institutionIds: number[],
  since: Date
): Promise<Map<number, ComplaintsCreditFacts>> {
  const ids = [...new Set(institutionIds)]
  const out = new Map<number, ComplaintsCreditFacts>()
  for (const id of ids)
    out.set(id, { complaints: 0, lateAnswers: 0, reviews: 0, averageRating: null })
  if (!ids.length) return out
  const [complaints, reviews] = await Promise.all([
    db
      .from('complaints')
      .whereIn('institution_id', ids)
      .where('kind', 'complaint')
      .whereNot('status', 'withdrawn')
      .where('created_at', '>=', since)
      .groupBy('institution_id')
      .select('institution_id')
      .count('* as n')
      .select(db.raw('count(*) filter (where not timely) as late')),
    db
      .from('reviews')
      .whereIn('institution_id', ids)
      .whereNull('hidden_at')
      .where('created_at', '>=', since)
      .groupBy('institution_id')
      .select('institution_id')
      .count('* as n')
      .select(db.raw('avg(rating)::float8 as average')),
  ])
  for (const r of complaints) {
    const f = out.get(Number(r.institution_id))!
    f.complaints = Number(r.n)
    f.lateAnswers = Number(r.late)
  }
  for (const r of reviews) {
    const f = out.get(Number(r.institution_id))!
    f.reviews = Number(r.n)
    f.averageRating = r.average === null ? null : Number(r.average)
  }
  return out
}
