/*
| The criteria of an after-school eligible list (Art. 21, issue 17) as
| data: which checks apply and the credit floor. The checks themselves
| are code (checks.ts). A province changes the criteria by answering
| `afterschool.eligibility`; an answer out of range is refused naming
| the problem, so a broken plugin fails its test kit, never a list.
*/
import type { RegionCode } from '#kernel/shared/region_code'
import { defineExtensionPoint } from '#kernel/plugins/extension_point'

export const CHECK_KEYS = [
  'non_academic',
  'filed_white',
  'funds_supervised',
  'licence_valid',
  'clean_inspections',
  'not_grey_black',
  'teachers_admitted',
  'teachers_certified',
  'within_licence',
  'credit_grade',
] as const
export type CheckKey = (typeof CHECK_KEYS)[number]

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const
export type CreditGradeLetter = (typeof GRADES)[number]

export interface EligibilityCriteria {
  /** Whether each check applies in this province; all ten are given. */
  checks: Record<CheckKey, boolean>
  /** The lowest credit grade admitted (C nationally). */
  minCreditGrade: CreditGradeLetter
  /** Years an inspection's serious finding counts against the institution (2). */
  lookbackYears: number
}

export interface EligibilityInput {
  /** The categories the call wants: of sports, arts, science_tech, other. */
  categories: string[]
}

/*
| National defaults, modelled on practice: Taishan's 2023 list of
| non-academic institutions for after-school services (non-academic only;
| filed and white-listed on the platform; every prepaid fee supervised;
| licence valid; no failed inspection or unrectified finding in the last
| two years; not on an abnormal or serious-dishonesty list; every
| teacher admitted and certified for what they teach; within the
| licence's categories) and Art. 21's "higher credit grades first",
| with C as the floor (the lowest grade of Tianjin's bands that is not a
| deduction of more than 100 points).
*/
export const NATIONAL_ELIGIBILITY: EligibilityCriteria = Object.freeze({
  checks: Object.freeze(
    Object.fromEntries(CHECK_KEYS.map((key) => [key, true])) as Record<CheckKey, boolean>
  ),
  minCreditGrade: 'C',
  lookbackYears: 2,
}) as EligibilityCriteria

export class EligibilityCriteriaError extends Error {
  constructor(region: string, problem: string) {
    super(`afterschool.eligibility answered out of range for region ${region}: ${problem}`)
    this.name = 'EligibilityCriteriaError'
  }
}

export function checkCriteria(region: string, answer: EligibilityCriteria): EligibilityCriteria {
  const fail = (problem: string): never => {
    throw new EligibilityCriteriaError(region, problem)
  }
  if (!answer || typeof answer !== 'object' || !answer.checks) fail('no checks')
  for (const key of Object.keys(answer.checks))
    if (!(CHECK_KEYS as readonly string[]).includes(key)) fail(`unknown check "${key}"`)
  for (const key of CHECK_KEYS)
    if (typeof answer.checks[key] !== 'boolean') fail(`checks.${key} must be true or false`)
  if (!(GRADES as readonly string[]).includes(answer.minCreditGrade))
    fail(`minCreditGrade must be one of ${GRADES.join(', ')}`)
  if (
    !Number.isInteger(answer.lookbackYears) ||
    answer.lookbackYears < 0 ||
    answer.lookbackYears > 10
  )
    fail('lookbackYears must be a whole number of years, 0–10')
  return answer
}

export const eligibilityCriteria = defineExtensionPoint({
  name: 'afterschool.eligibility',
  version: 1,
  kind: 'value',
  description: 'Which checks an after-school provider must pass, and the credit grade floor',
  example: (): EligibilityInput => ({ categories: ['sports', 'arts'] }),
  defaultRule: () => structuredClone(NATIONAL_ELIGIBILITY),
})

/** The criteria for a call of a region, through its province's plugins, checked. */
export async function criteriaFor(
  region: RegionCode,
  input: EligibilityInput
): Promise<EligibilityCriteria> {
  return checkCriteria(region, await eligibilityCriteria.resolve(region, input))
}
