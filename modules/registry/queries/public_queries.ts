import db from '@adonisjs/lucid/services/db'
import { SimplePaginator } from '@adonisjs/lucid/database'
import { publicCached } from '#kernel/shared/public_cache'
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

const PER_PAGE = 20

export interface FoundInstitution {
  id: number
  name: string
  regionCode: string
  listStatus: string
  delivery: string
  categories: string[] | null
}

/**
 * Public search of filed institutions: every word of the query must appear
 * in the name (a trigram index serves the substring match), or the name
 * must be similar enough to the whole query (a typo, a missing character).
 * Answers are public and the same for everyone, so they are cached for a
 * minute (config/cache.ts): a popular search costs the database once.
 */
export async function searchInstitutions(filters: SearchFilters) {
  const page = Math.max(1, Math.min(filters.page ?? 1, 500))
  const normalized = {
    q: filters.q?.trim() || null,
    region: filters.region || null,
    list: filters.list || null,
    category: filters.category || null,
  }
  const found = await publicCached(`registry:search:${JSON.stringify([normalized, page])}`, () =>
    findInstitutions(normalized, page)
  )
  return new SimplePaginator(found.total, PER_PAGE, page, ...found.rows)
}

async function findInstitutions(
  filters: SearchFilters,
  page: number
): Promise<{ total: number; rows: FoundInstitution[] }> {
  const query = db
    .from('institutions')
    .select('id', 'name', 'region_code', 'list_status', 'delivery', 'categories')
    /* The pager's total in the same pass over the matches, not a second query. */
    .select(db.raw('count(*) OVER () AS total_matches'))
    .where('filing_status', 'approved')
    .whereNull('removed_at')
    .whereIn('list_status', ['white', 'grey', 'black'])
  if (filters.region) applyRegionScope(query, filters.region)
  if (filters.list) query.where('list_status', filters.list)
  if (filters.category) query.whereRaw('categories @> ARRAY[?]::text[]', [filters.category])
  const q = filters.q
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
  const rows = await query
    .orderBy('id', 'desc')
    .limit(PER_PAGE)
    .offset((page - 1) * PER_PAGE)
  /* Past the last page the window has no row to carry the total. */
  const total = rows.length
    ? Number(rows[0].total_matches)
    : page > 1
      ? Number(
          (
            await query
              .clone()
              .clearSelect()
              .clearOrder()
              .clearLimit()
              .clearOffset()
              .count('* as n')
          )[0].n
        )
      : 0
  return {
    total,
    rows: rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      regionCode: r.region_code,
      listStatus: r.list_status,
      delivery: r.delivery,
      categories: r.categories,
    })),
  }
}

export async function publicInstitution(id: number) {
  const institution = await Institution.query()
    .where('id', id)
    .where('filingStatus', 'approved')
    .first()
  if (!institution) return null
  const teachers = await Staff.query()
    .where('institutionId', id)
    .where('status', 'hired')
    .where('role', 'teaching')
    .where('checkResult', 'passed')
    .orderBy('id')
  const history = await ListChange.query()
    .where('institutionId', id)
    .orderBy('changedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(20)
  const notices = await PublicNotice.query()
    .where('institutionId', id)
    .orderBy('publishedAt', 'desc')
    .limit(10)
  const formerNames = await db
    .from('institution_names')
    .where('institution_id', id)
    .orderBy('used_until', 'desc')
  return { institution, teachers, history, notices, formerNames }
}

export async function listNotices(region: string | null, page: number) {
  const query = PublicNotice.query()
  if (region) applyRegionScope(query, region)
  return query.orderBy('publishedAt', 'desc').orderBy('id', 'desc').paginate(Math.max(1, page), 20)
}
