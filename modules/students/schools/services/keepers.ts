/*
| Who keeps the school register. Every bureau reads the schools of its
| region and below (sub-units their county's). A county keeps its own
| schools; a city keeps the schools it runs directly (市直属学校), placed
| in one of its counties, or its own when it has none. Provinces, the
| ministry and sub-units read only. Schools outside a bureau's region do
| not exist for it.
*/
import { type CurrentUser, inScope, regionTree } from '#modules/identity'

export function isBureau(user: CurrentUser): boolean {
  return user.role === 'admin' && !!user.regionCode
}

export function seesSchool(user: CurrentUser, school: { regionCode: string }): boolean {
  return isBureau(user) && inScope(school.regionCode, user.regionCode)
}

/** The regions in which the bureau may register schools (none for a reader). */
export function keptRegions(user: CurrentUser): { code: string; name: string }[] {
  if (!isBureau(user)) return []
  const own = regionTree.get(user.regionCode!)
  if (!own) return []
  if (user.adminLevel === 'county') return [{ code: own.code, name: own.name }]
  if (user.adminLevel !== 'city') return []
  const counties = regionTree.children(own.code)
  return (counties.length ? counties : [own]).map((r) => ({ code: r.code, name: r.name }))
}

export function keepsSchool(user: CurrentUser, school: { regionCode: string }): boolean {
  return keptRegions(user).some((r) => r.code === school.regionCode)
}

/**
 * Operator accounts of a school are opened by the bureau of the school's
 * own region (a county, account_rules.ts), since an account belongs to
 * one region and answers to its bureau.
 */
export function opensAccountsOf(user: CurrentUser, school: { regionCode: string }): boolean {
  return isBureau(user) && user.adminLevel !== 'subunit' && user.regionCode === school.regionCode
}
