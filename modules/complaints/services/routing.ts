/*
| Who handles a case. A service complaint about an institution goes first
| to the institution's own customer service (measures Art. 16: 培训机构应提供
| 专门客服，负责处理……售后投诉); everything else, and anything unresolved
| or escalated, goes to the bureau of the target's county (an online
| institution: its province). A missed deadline moves the case one level up.
*/
import { COUNTRY_CODE } from '#kernel/shared/region_code'
import { regionTree } from '#modules/identity'
import type { InstitutionSummary } from '#modules/registry'
import type { ComplaintType, ComplaintKind, TargetType } from '../models/complaint.js'

/** Types the institution's customer service answers first. */
const SERVICE_TYPES: readonly ComplaintType[] = ['service', 'refund']
/** Reports of illegal operation are tip-offs (举报), checked on their own deadline. */
const TIP_OFF_TYPES: readonly ComplaintType[] = ['unlicensed', 'enrolment']

export function kindOf(type: ComplaintType): ComplaintKind {
  return TIP_OFF_TYPES.includes(type) ? 'tip_off' : 'complaint'
}

export function startsWithInstitution(
  targetType: TargetType,
  type: ComplaintType,
  institution: InstitutionSummary | null
): boolean {
  return (
    targetType === 'institution' &&
    !!institution &&
    !institution.removed &&
    SERVICE_TYPES.includes(type)
  )
}

/** The bureau responsible for a target region, or for the institution when there is one. */
export function responsibleBureau(
  targetRegion: string,
  institution: InstitutionSummary | null
): string {
  if (institution)
    return institution.delivery === 'online' ? institution.provinceCode : institution.regionCode
  return targetRegion
}

/** The bureau one level up, or null at the ministry. */
export function bureauAbove(region: string): string | null {
  if (region === COUNTRY_CODE) return null
  return regionTree.get(region)?.parentCode ?? COUNTRY_CODE
}

/** A county-level region (one with no children): the level a complaint's target is picked at. */
export function isLeafRegion(code: string | null | undefined): code is string {
  return (
    !!code &&
    regionTree.has(code) &&
    code !== COUNTRY_CODE &&
    regionTree.children(code).length === 0
  )
}
