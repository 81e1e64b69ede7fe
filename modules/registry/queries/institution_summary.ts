import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { applyRegionScope } from '#modules/identity'
import Institution from '../models/institution.js'
import type { ListStatus } from '../models/institution.js'

/** What other modules may know of an institution: a plain, read-only value. */
export interface InstitutionSummary {
  id: number
  name: string
  creditCode: string | null
  delivery: 'offline' | 'online'
  regionCode: string
  provinceCode: string
  cityCode: string | null
  countyCode: string | null
  listStatus: ListStatus
  filed: boolean
  removed: boolean
  categories: string[]
}

function summarize(i: Institution): InstitutionSummary {
  return {
    id: i.id,
    name: i.name,
    creditCode: i.creditCode,
    delivery: i.delivery,
    regionCode: i.regionCode,
    provinceCode: i.provinceCode,
    cityCode: i.cityCode,
    countyCode: i.countyCode,
    listStatus: i.listStatus,
    filed: i.filingStatus === 'approved',
    removed: !!i.removedAt,
    categories: [...i.categories],
  }
}

/** Given a transaction, reads in it (a caller holding row locks must not wait for a second connection). */
export async function institutionSummary(
  id: number,
  client?: TransactionClientContract
): Promise<InstitutionSummary | null> {
  const row = await Institution.find(id, { client })
  return row ? summarize(row) : null
}

export async function institutionSummaries(
  ids: number[]
): Promise<Map<number, InstitutionSummary>> {
  if (!ids.length) return new Map()
  const rows = await Institution.query().whereIn('id', [...new Set(ids)])
  return new Map(rows.map((r) => [r.id, summarize(r)]))
}

/** Registered institutions whose name contains the words, in a region and below: for pickers in other modules (a complaint's target). */
export async function findInstitutionsByName(
  q: string,
  region: string | null,
  limit = 10
): Promise<InstitutionSummary[]> {
  const terms = q.trim().split(/\s+/).filter(Boolean).slice(0, 5)
  if (!terms.length) return []
  const query = Institution.query().whereNull('removedAt')
  if (region) applyRegionScope(query, region)
  for (const term of terms)
    query.whereILike('name', `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
  const rows = await query.orderBy('id').limit(Math.min(limit, 50))
  return rows.map(summarize)
}
