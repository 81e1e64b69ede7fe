import { COUNTRY_CODE } from '#kernel/shared/region_code'
import { regionTree } from '#modules/identity'

export interface CountyPicker {
  province: string | null
  city: string | null
  county: string | null
  provinces: { code: string; name: string }[]
  cities: { code: string; name: string }[]
  counties: { code: string; name: string }[]
}

const options = (code: string) =>
  regionTree.children(code).map((r) => ({ code: r.code, name: r.name }))

/**
 * The province → city → county choice of the child form, from what was
 * picked so far (a county alone fills in the rest). Municipalities have
 * counties directly under the province: no city to pick.
 */
export function countyPicker(picked: {
  province?: string
  city?: string
  county?: string
}): CountyPicker {
  const known = (code?: string, level?: number) =>
    code && regionTree.get(code)?.level === level ? code : null
  let county = known(picked.county, 3)
  const chain = county ? regionTree.ancestors(county) : []
  let province = chain.find((r) => r.level === 1)?.code ?? known(picked.province, 1)
  let city = chain.find((r) => r.level === 2)?.code ?? known(picked.city, 2)
  if (city && province && !regionTree.isWithin(city, province)) city = null
  if (county && province && !regionTree.isWithin(county, province)) county = null
  if (!province && city) province = regionTree.ancestors(city).find((r) => r.level === 1)!.code
  const underProvince = province ? options(province) : []
  const cities = underProvince.filter((r) => regionTree.get(r.code)!.level === 2)
  const counties = city
    ? options(city)
    : underProvince.filter((r) => regionTree.get(r.code)!.level === 3)
  return { province, city, county, provinces: options(COUNTRY_CODE), cities, counties }
}
