/*
| What other modules (afterschool, catalog) may ask of the school
| register: plain values, never the model.
*/
import type { Stage } from '#kernel/shared/school_grades'
import School from '../models/school.js'

export interface SchoolSummary {
  id: number
  name: string
  code: string
  regionCode: string
  countyCode: string | null
  cityCode: string | null
  provinceCode: string
  stages: Stage[]
  /** Closed schools stay for the records that name them; nothing new is chosen for them. */
  open: boolean
}

export const summarize = (s: School): SchoolSummary => ({
  id: s.id,
  name: s.name,
  code: s.code.trim(),
  regionCode: s.regionCode.trim(),
  countyCode: s.countyCode?.trim() ?? null,
  cityCode: s.cityCode?.trim() ?? null,
  provinceCode: s.provinceCode.trim(),
  stages: s.stages,
  open: s.closedAt === null,
})

export async function schoolSummaries(ids: number[]): Promise<Map<number, SchoolSummary>> {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0)
  if (!unique.length) return new Map()
  const rows = await School.query().whereIn('id', unique)
  return new Map(rows.map((s) => [s.id, summarize(s)]))
}

export async function schoolSummary(id: number): Promise<SchoolSummary | null> {
  return (await schoolSummaries([id])).get(id) ?? null
}

/** The open schools of a county (or any region: its schools and those below it), by name. */
export async function openSchoolsIn(regionCode: string): Promise<SchoolSummary[]> {
  const column = regionCode.endsWith('0000')
    ? 'province_code'
    : regionCode.endsWith('00')
      ? 'city_code'
      : 'county_code'
  const rows = await School.query()
    .where(column, regionCode)
    .whereNull('closedAt')
    .orderBy('name')
    .orderBy('id')
  return rows.map(summarize)
}
