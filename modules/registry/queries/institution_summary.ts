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

export async function institutionSummary(id: number): Promise<InstitutionSummary | null> {
  const row = await Institution.find(id)
  return row ? summarize(row) : null
}

export async function institutionSummaries(ids: number[]): Promise<Map<number, InstitutionSummary>> {
  if (!ids.length) return new Map()
  const rows = await Institution.query().whereIn('id', [...new Set(ids)])
  return new Map(rows.map((r) => [r.id, summarize(r)]))
}
