import db from '@adonisjs/lucid/services/db'

/** What the credit score reads of an institution's courses and materials. */
export interface CatalogCreditFacts {
  /** Courses on sale on the platform now (fees published through it). */
  listedCourses: number
  /** Materials that failed a spot check (思想性、科学性、适宜性) reviewed in the window. */
  failedMaterials: number
}

/** Credit facts for many institutions in two grouped queries. */
export async function catalogCreditFacts(
  institutionIds: number[],
  since: Date
): Promise<Map<number, CatalogCreditFacts>> {
  const ids = [...new Set(institutionIds)]
  const out = new Map<number, CatalogCreditFacts>()
  for (const id of ids) out.set(id, { listedCourses: 0, failedMaterials: 0 })
  if (!ids.length) return out
  const [courses, failed] = await Promise.all([
    db
      .from('courses')
      .whereIn('institution_id', ids)
      .where('status', 'on_sale')
      .groupBy('institution_id')
      .select('institution_id')
      .count('* as n'),
    db
      .from('spot_check_items')
      .whereIn('institution_id', ids)
      .where('result', 'failed')
      .where('reviewed_at', '>=', since)
      .groupBy('institution_id')
      .select('institution_id')
      .count('* as n'),
  ])
  for (const r of courses) out.get(Number(r.institution_id))!.listedCourses = Number(r.n)
  for (const r of failed) out.get(Number(r.institution_id))!.failedMaterials = Number(r.n)
  return out
}
