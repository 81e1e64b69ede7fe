/*
| "My region and its descendants": the one helper every module uses to
| authorize a record and to filter a list by an admin's region.
|
| Scoped tables carry the lineage of their region (province_code,
| city_code, county_code), so a scope is a single indexed equality.
*/
import { COUNTRY_CODE } from '#kernel/shared/region_code'
import { regionTree } from './region_tree.js'

export interface RegionLineage {
  regionCode: string
  provinceCode: string | null
  cityCode: string | null
  countyCode: string | null
}

export interface ScopeColumns {
  province: string
  city: string
  county: string
}

const DEFAULT_COLUMNS: ScopeColumns = {
  province: 'province_code',
  city: 'city_code',
  county: 'county_code',
}

export function lineageOf(regionCode: string): RegionLineage {
  const region = regionTree.get(regionCode)
  if (!region) throw new RangeError(`Unknown region code ${regionCode}`)
  return {
    regionCode: region.code,
    provinceCode: region.provinceCode,
    cityCode: region.cityCode,
    countyCode: region.countyCode,
  }
}

/** Is the record's region inside the scope? Unknown regions are never inside. */
export function inScope(
  recordRegion: string | null | undefined,
  scopeRegion: string | null | undefined
): boolean {
  if (!recordRegion || !scopeRegion) return false
  return regionTree.isWithin(recordRegion, scopeRegion)
}

interface WhereCapable {
  where(column: string, value: unknown): any
  whereRaw(sql: string): any
}

/**
 * Narrows a query to rows in the scope. A scope that is not a known region
 * matches nothing, so a misconfigured account sees an empty list, not all.
 */
export function applyRegionScope<Q extends WhereCapable>(
  query: Q,
  scopeRegion: string | null | undefined,
  columns: Partial<ScopeColumns> = {},
  tableAlias?: string
): Q {
  const cols = { ...DEFAULT_COLUMNS, ...columns }
  const qualify = (column: string) => (tableAlias ? `${tableAlias}.${column}` : column)
  const region = scopeRegion ? regionTree.get(scopeRegion) : undefined
  if (!region) {
    query.whereRaw('false')
    return query
  }
  if (region.code === COUNTRY_CODE) return query
  if (region.level === 1) query.where(qualify(cols.province), region.code)
  else if (region.level === 2) query.where(qualify(cols.city), region.code)
  else query.where(qualify(cols.county), region.code)
  return query
}

interface WhereInCapable extends WhereCapable {
  whereIn(column: string, values: string[]): any
}

/**
 * Narrows a query to rows whose plain region code (no lineage columns) is
 * the scope or below it, from the region tree in memory rather than a
 * subquery on identity's regions table.
 */
export function whereRegionCodeWithin<Q extends WhereInCapable>(
  query: Q,
  column: string,
  scopeRegion: string | null | undefined
): Q {
  const region = scopeRegion ? regionTree.get(scopeRegion) : undefined
  if (!region) return query.whereRaw('false')
  if (region.code === COUNTRY_CODE) return query
  const codes = [region.code, ...regionTree.descendants(region.code).map((r) => r.code)]
  return query.whereIn(column, codes)
}
