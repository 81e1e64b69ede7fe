import { applyRegionScope } from '#modules/identity'
import School from '../models/school.js'

export interface SchoolFilters {
  /** Part of the name, or the start of the code. */
  q?: string
  page?: number
}

/** The schools of a bureau's region and below: open ones first, then by name. */
export function listSchools(scopeRegion: string | null, filters: SchoolFilters, perPage = 20) {
  const query = School.query()
  applyRegionScope(query, scopeRegion)
  const q = filters.q?.trim()
  if (q) {
    const like = q.replace(/[\\%_]/g, (c) => `\\${c}`)
    query.where((w) => {
      w.whereILike('name', `%${like}%`)
      if (/^\d{1,10}$/.test(q)) w.orWhere('code', 'like', `${q}%`)
    })
  }
  return query
    .orderByRaw('closed_at is not null')
    .orderBy('name')
    .orderBy('id')
    .paginate(Math.max(1, filters.page ?? 1), perPage)
}
