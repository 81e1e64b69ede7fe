import db from '@adonisjs/lucid/services/db'
import { applyRegionScope } from '#modules/identity'
import Institution from '../models/institution.js'
import PublicNotice from '../models/public_notice.js'
import Staff from '../models/staff.js'
import ListChange from '../models/list_change.js'

export interface SearchFilters {
  q?: string | null
  region?: string | null
  list?: 'white' | 'grey' | 'black' | null
  category?: string | null
  page?: number
}

const escapeLike = (term: string) => term.replace(/[%_\\]/g, (c) => `\\${c}`)

/**
 * Public search of filed institutions: every word of the query must appear
 * in the name (a trigram index serves the substring match), or the name
 * must be similar enough to the whole query (a typo, a missing character).
 */
export async function searchInstitutions(filters: SearchFilters) {
  const query = Institution.query()
    .select('id', 'name', 'region_code', 'address', 'list_status', 'categories', 'delivery', 'credit_code', 'licence_number')
    .where('filingStatus', 'approved')
    .whereNull('removedAt')
    .whereIn('listStatus', ['white', 'grey', 'black'])
  if (filters.region) applyRegionScope(query, filters.region)
  if (filters.list) query.where('listStatus', filters.list)
  if (filters.category) query.whereRaw('categories @> ARRAY[?]::text[]', [filters.category])
  const q = filters.q?.trim()
  if (q) {
    const terms = q.split(/\s+/).filter(Boolean).slice(0, 5)
    query.where((w) => {
      w.where((all) => {
        for (const term of terms) all.whereILike('name', `%${escapeLike(term)}%`)
      })
      if (q.length >= 3) w.orWhereRaw('name % ?', [q])
    })
    query.orderByRaw('similarity(name, ?) DESC', [q])
  }
  return query.orderBy('id', 'desc').paginate(Math.max(1, Math.min(filters.page ?? 1, 500)), 20)
}

export async function publicInstitution(id: number) {
  const institution = await Institution.query().where('id', id).where('filingStatus', 'approved').first()
  if (!institution) return null
  const teachers = await Staff.query().where('institutionId', id).where('status', 'hired').where('role', 'teaching').where('checkResult', 'passed').orderBy('id')
  const history = await ListChange.query().where('institutionId', id).orderBy('changedAt', 'desc').orderBy('id', 'desc').limit(20)
  const notices = await PublicNotice.query().where('institutionId', id).orderBy('publishedAt', 'desc').limit(10)
  const formerNames = await db.from('institution_names').where('institution_id', id).orderBy('used_until', 'desc')
  return { institution, teachers, history, notices, formerNames }
}

export async function listNotices(region: string | null, page: number) {
  const query = PublicNotice.query()
  if (region) applyRegionScope(query, region)
  return query.orderBy('publishedAt', 'desc').orderBy('id', 'desc').paginate(Math.max(1, page), 20)
}
