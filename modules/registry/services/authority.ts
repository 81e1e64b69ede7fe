/*
| Who may act on an institution. Offline institutions are reviewed and
| removed by their county bureau, online ones by their province (Art. 5–6);
| every bureau above sees them; sub-units help their county inspect.
*/
import { type CurrentUser, inScope, regionTree } from '#modules/identity'
import type Institution from '../models/institution.js'

export function isBureau(user: CurrentUser): boolean {
  return user.role === 'admin' && !!user.regionCode
}

export function canSee(user: CurrentUser, institution: Pick<Institution, 'regionCode'>): boolean {
  return isBureau(user) && inScope(institution.regionCode, user.regionCode)
}

/** The bureau responsible for the institution: its county (offline) or its province (online). */
export function isResponsibleBureau(
  user: CurrentUser,
  institution: Pick<Institution, 'regionCode' | 'provinceCode' | 'delivery'>
): boolean {
  if (user.role !== 'admin' || user.adminLevel === 'subunit' || !user.regionCode) return false
  if (institution.delivery === 'online')
    return user.adminLevel === 'province' && user.regionCode === institution.provinceCode
  const leaf = regionTree.get(institution.regionCode)
  return !!leaf && user.regionCode === leaf.code
}

/** Inspections are planned and recorded by the responsible bureau and its sub-units. */
export function canInspect(
  user: CurrentUser,
  institution: Pick<Institution, 'regionCode' | 'provinceCode' | 'delivery'>
): boolean {
  if (isResponsibleBureau(user, institution)) return true
  return (
    user.role === 'admin' &&
    user.adminLevel === 'subunit' &&
    user.regionCode === institution.regionCode
  )
}

/** Any account acting for the institution, its owner or its staff. */
export function ownsInstitution(user: CurrentUser, institutionId: number): boolean {
  return user.orgType === 'institution' && user.orgId === institutionId
}

/** The institution's owner (负责人), as against its staff. */
export function isInstitutionOwner(user: CurrentUser): boolean {
  return user.role === 'institution_owner'
}

/** Which filings a bureau reviews: offline ones of its county, online ones of its province. */
export function reviewScope(user: CurrentUser): {
  delivery: 'offline' | 'online'
  column: 'region_code' | 'province_code'
  value: string
} | null {
  if (user.role !== 'admin' || user.adminLevel === 'subunit' || !user.regionCode) return null
  if (user.adminLevel === 'province')
    return { delivery: 'online', column: 'province_code', value: user.regionCode }
  const region = regionTree.get(user.regionCode)
  if (region && regionTree.children(region.code).length === 0)
    return { delivery: 'offline', column: 'region_code', value: user.regionCode }
  return null
}
