/*
| Teaching capacity for the credit module's risk warnings (Art. 17: prepaid
| totals far beyond what the institution can teach): seats × classes ×
| price of each course on sale, summed per institution, in one statement.
*/
import db from '@adonisjs/lucid/services/db'

export interface CapacityFacts {
  institutionId: number
  /** Fen the courses on sale could take if every seat bought every class. */
  capacityFen: number
  coursesOnSale: number
  courseIds: number[]
}

/** Capacity of the institutions (all with courses on sale when absent); institutions with none are absent. */
export async function capacityRiskFacts(
  options: { institutionIds?: number[] } = {}
): Promise<Map<number, CapacityFacts>> {
  const facts = new Map<number, CapacityFacts>()
  if (options.institutionIds?.length === 0) return facts
  const scope = options.institutionIds ? 'institution_id = ANY(?::bigint[])' : 'true'
  const result = await db.rawQuery(
    `SELECT institution_id, sum(capacity::bigint * class_count * price_per_class_fen) AS fen,
            count(*) AS n, (array_agg(id ORDER BY id))[1:20] AS ids
       FROM courses
      WHERE status = 'on_sale' AND ${scope}
      GROUP BY institution_id`,
    options.institutionIds ? [options.institutionIds] : []
  )
  for (const r of result.rows) {
    const fen = Number(r.fen)
    if (!Number.isSafeInteger(fen)) throw new RangeError(`capacity is not a safe integer: ${r.fen}`)
    facts.set(Number(r.institution_id), {
      institutionId: Number(r.institution_id),
      capacityFen: fen,
      coursesOnSale: Number(r.n),
      courseIds: ((r.ids as string[] | null) ?? []).map(Number),
    })
  }
  return facts
}
