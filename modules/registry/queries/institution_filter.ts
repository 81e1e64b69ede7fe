import db from '@adonisjs/lucid/services/db'
import { applyRegionScope } from '#modules/identity'

export interface InstitutionFilter {
  /** Institutions in this region and below. */
  region?: string | null
  /** Only institutions that may sell: filed, white-listed, not removed (Art. 7, 15). */
  sellable?: boolean
}

interface WhereInCapable {
  whereIn(column: string, values: any): any
}

/**
 * Narrows another module's query to rows whose institution matches, with a
 * sub-select the registry owns, so no other module reads its tables and a
 * list change is seen at once.
 */
export function whereInstitution<Q extends WhereInCapable>(
  query: Q,
  column: string,
  filter: InstitutionFilter
): Q {
  const institutions = db.from('institutions').select('id')
  if (filter.region) applyRegionScope(institutions, filter.region)
  if (filter.sellable)
    institutions
      .where('filing_status', 'approved')
      .where('list_status', 'white')
      .whereNull('removed_at')
  query.whereIn(column, institutions)
  return query
}

/** May the institution sell now: filed, white-listed and not removed. */
export function isSellable(summary: {
  filed: boolean
  listStatus: string
  removed: boolean
}): boolean {
  return summary.filed && summary.listStatus === 'white' && !summary.removed
}

/** Ids of the institutions that match, oldest first (for demo data and batch work). */
export async function institutionIds(filter: InstitutionFilter, limit = 1000): Promise<number[]> {
  const query = whereInstitution(db.from('institutions').select('id'), 'id', filter)
  const rows = await query.orderBy('id').limit(limit)
  return rows.map((r: { id: number }) => Number(r.id))
}
