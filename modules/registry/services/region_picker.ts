import { COUNTRY_CODE } from '#kernel/shared/region_code'
import { regionTree } from '#modules/identity'

export interface PickerOption {
  code: string
  name: string
}

export interface RegionPicker {
  province: string | null
  city: string | null
  county: string | null
  provinces: PickerOption[]
  cities: PickerOption[]
  counties: PickerOption[]
  /** The deepest region chosen so far. */
  selected: string | null
}

const options = (code: string): PickerOption[] =>
  regionTree.children(code).map((r) => ({ code: r.code, name: r.name }))

/**
 * The province → city → county choice for a region code. Where a province
 * has counties directly (municipalities), the city level is skipped.
 */
export function regionPicker(
  code: string | null | undefined,
  within: string = COUNTRY_CODE
): RegionPicker {
  const chain = code && regionTree.isWithin(code, within) ? regionTree.ancestors(code) : []
  const province = chain.find((r) => r.level === 1)?.code ?? null
  const city = chain.find((r) => r.level === 2)?.code ?? null
  const county = chain.find((r) => r.level === 3)?.code ?? null
  const provinceChildren = province ? options(province) : []
  const provinceHasCities = provinceChildren.some((c) => regionTree.get(c.code)!.level === 2)
  const cities = provinceHasCities
    ? provinceChildren.filter((c) => regionTree.get(c.code)!.level === 2)
    : []
  const directCounties = provinceChildren.filter((c) => regionTree.get(c.code)!.level === 3)
  const counties = city ? options(city) : directCounties
  return {
    province,
    city,
    county,
    provinces: options(COUNTRY_CODE),
    cities,
    counties,
    selected: county ?? city ?? province,
  }
}

/**
 * The deepest consistent region from the picker's three selects
 * (`<name>_province`, `<name>_city`, `<name>_county`): a city or county
 * left over from a previously chosen province is ignored.
 */
export function pickedRegion(fields: Record<string, unknown>, name: string): string | null {
  const read = (suffix: string) => {
    const value = fields[`${name}_${suffix}`]
    return typeof value === 'string' && regionTree.has(value) ? value : null
  }
  let code = read('province')
  if (!code) return null
  const city = read('city')
  if (city && regionTree.get(city)!.parentCode === code) code = city
  const county = read('county')
  if (county && regionTree.get(county)!.parentCode === code) code = county
  return code
}
