/*
| Region codes are the six-digit national division codes (GB/T 2260).
| The first two digits name the province, so "which province governs this
| case" needs no database; the full tree lives in the identity module.
*/
export type RegionCode = string & { readonly __brand: 'RegionCode' }

export const COUNTRY_CODE = '000000' as RegionCode

/* Province-level units of GB/T 2260 (mainland 31, plus 71 Taiwan, 81 Hong Kong, 82 Macao). */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
])

export function isRegionCode(value: unknown): value is RegionCode {
  return (
    typeof value === 'string' &&
    /^\d{6}$/.test(value) &&
    (value === COUNTRY_CODE || PROVINCE_PREFIXES.has(value.slice(0, 2)))
  )
}

export function toRegionCode(value: string): RegionCode {
  if (!isRegionCode(value)) throw new TypeError(`"${value}" is not a GB/T 2260 region code`)
  return value
}

export function isProvinceCode(value: string): boolean {
  return isRegionCode(value) && value !== COUNTRY_CODE && value.endsWith('0000')
}

/** The province a region belongs to, or null for the country itself. */
export function provinceOf(code: RegionCode): RegionCode | null {
  if (code === COUNTRY_CODE) return null
  return `${code.slice(0, 2)}0000` as RegionCode
}
