/*
| The national list criteria (Yunnan's, taken as the national default in
| DOMAIN-RULES.md; Jilin 吉教联〔2019〕75号 三(二)2 says the same of grey
| and black: violations go grey with a deadline, a missed deadline goes black).
*/
import type { ListReason, ListStatus } from '../models/institution.js'

/** Finding items that put an institution on the black list at once. */
export const BLACK_ITEMS = [
  'unlicensed',
  'safety_hazard',
  'licence_misuse',
  'unapproved_materials',
  'banned_staff',
] as const

export const FINDING_ITEMS = [
  ...BLACK_ITEMS,
  'licence_display',
  'fees',
  'advertising',
  'materials',
  'staff_qualification',
  'schedule',
  'venue',
  'contract',
  'other',
] as const

export interface OpenFinding {
  /**
   * What the inspection found (FINDING_ITEMS): the black-list items
   * unlicensed, safety_hazard, licence_misuse, unapproved_materials,
   * banned_staff, or licence_display, fees, advertising, materials,
   * staff_qualification, schedule, venue, contract, other.
   */
  item: string
  /** As the inspector recorded it; a serious black-list item is black at once (unlicensed whatever its severity). */
  severity: 'minor' | 'serious'
  /** The rectification deadline, YYYY-MM-DD: a finding still open after that day is black. */
  deadline: string
}

export interface ListFacts {
  /** Today's date in Asia/Shanghai, YYYY-MM-DD: deadlines and the licence are compared with it. */
  today: string
  /** The institution's filing is approved by its bureau (until then the national status is none). */
  filingApproved: boolean
  /** A bureau removed the institution from the platform (Art. 15; its records stay). The national rules do not read it. */
  removed: boolean
  /** How the institution is licensed, as filed: offline_licence, online_licence or unlicensed; null until filed. */
  qualificationType: string | null
  /** The last day the licence is valid, YYYY-MM-DD, as filed; null when none is filed. */
  licenceValidTo: string | null
  /** Inspection findings not closed yet: open, or reported rectified and awaiting the bureau's acceptance. */
  openFindings: OpenFinding[]
  /** Staff still hired whose admission check found them prohibited from the trade (从业禁止). */
  bannedStaffHired: number
}

export interface Classification {
  /** none (no approved filing), white, grey or black; a bureau's override, when set, wins over it. */
  status: ListStatus
  /** Why, in order: shown with the status on the institution's public and management pages. */
  reasons: ListReason[]
}

export function classifyByNationalRules(facts: ListFacts): Classification {
  const black: ListReason[] = []
  for (const finding of facts.openFindings) {
    if (
      (BLACK_ITEMS as readonly string[]).includes(finding.item) &&
      (finding.severity === 'serious' || finding.item === 'unlicensed')
    ) {
      black.push({ code: `finding.${finding.item}` })
    } else if (finding.deadline < facts.today) {
      black.push({ code: 'deadline_missed', data: { deadline: finding.deadline } })
    }
  }
  if (facts.bannedStaffHired > 0)
    black.push({ code: 'banned_staff', data: { count: facts.bannedStaffHired } })
  if (facts.filingApproved) {
    if (facts.qualificationType === 'unlicensed') black.push({ code: 'unlicensed' })
    else if (facts.licenceValidTo && facts.licenceValidTo < facts.today) {
      black.push({ code: 'licence_expired', data: { date: facts.licenceValidTo } })
    }
  }
  if (black.length) return { status: 'black', reasons: dedupe(black) }
  if (!facts.filingApproved) return { status: 'none', reasons: [] }

  const rectifying = facts.openFindings.map((f) => ({
    code: 'rectifying',
    data: { item: f.item, deadline: f.deadline },
  }))
  if (rectifying.length) return { status: 'grey', reasons: rectifying }
  return { status: 'white', reasons: [{ code: 'compliant' }] }
}

function dedupe(reasons: ListReason[]): ListReason[] {
  const seen = new Set<string>()
  return reasons.filter((r) => {
    const key = `${r.code}:${JSON.stringify(r.data ?? {})}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
