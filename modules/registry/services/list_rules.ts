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
  item: string
  severity: 'minor' | 'serious'
  /** ISO date. */
  deadline: string
}

export interface ListFacts {
  /** Today in Asia/Shanghai, ISO date. */
  today: string
  filingApproved: boolean
  removed: boolean
  qualificationType: string | null
  licenceValidTo: string | null
  openFindings: OpenFinding[]
  bannedStaffHired: number
}

export interface Classification {
  status: ListStatus
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
