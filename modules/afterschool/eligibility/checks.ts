/*
| The comparison itself (Art. 21: "compare qualifications on the platform
| and pick compliant ones"): one institution's facts, as the owning
| modules publish them, and the projects it offers, against the
| criteria. Pure: each check says pass or fail with the records behind
| it, so the bureau (and the institution) can see why.
*/
import type { CreditGrade } from '#modules/credit'
import type { FundsAfterschoolFacts } from '#modules/funds'
import type { RegistryAfterschoolFacts } from '#modules/registry'
import { CHECK_KEYS, type CheckKey, type EligibilityCriteria, GRADES } from './criteria.js'

export interface EligibilityFacts {
  registry: RegistryAfterschoolFacts
  funds: FundsAfterschoolFacts
  /** Null before the institution's first credit score. */
  credit: CreditGrade | null
}

export interface OfferFacts {
  name: string
  category: string
  teacherIds: number[]
}

export interface CheckEvidence {
  findings?: number[]
  anomalies?: number[]
  teachers?: number[]
  offers?: string[]
  figures?: Record<string, string | number | null>
}

export interface CheckResult {
  key: CheckKey
  pass: boolean
  evidence: CheckEvidence
}

type Check = (
  facts: EligibilityFacts,
  offers: OfferFacts[],
  c: EligibilityCriteria
) => {
  pass: boolean
  evidence: CheckEvidence
}

const CHECKS: Record<CheckKey, Check> = {
  non_academic: (_, offers) => {
    const academic = offers.filter((o) => o.category === 'academic').map((o) => o.name)
    return { pass: academic.length === 0, evidence: academic.length ? { offers: academic } : {} }
  },
  filed_white: ({ registry: r }) => ({
    pass: r.filed && !r.removed && r.listStatus === 'white',
    evidence: { figures: { listStatus: r.listStatus, filed: r.filed ? 1 : 0 } },
  }),
  /* Supervised from the first fee: the filing names the account, or funds has it open; no red anomaly open. */
  funds_supervised: ({ registry: r, funds: f }) => ({
    pass: (r.supervisedAccountFiled || f.supervisedAccount) && f.openRedAnomalyIds.length === 0,
    evidence: {
      ...(f.openRedAnomalyIds.length ? { anomalies: f.openRedAnomalyIds } : {}),
      figures: { supervisedAccount: f.supervisedAccount ? 1 : 0 },
    },
  }),
  licence_valid: ({ registry: r }) => ({
    pass: r.licenceValid,
    evidence: { figures: { licenceValidTo: r.licenceValidTo } },
  }),
  clean_inspections: ({ registry: r }) => {
    const findings = [...new Set([...r.seriousFindingIds, ...r.unrectifiedFindingIds])].sort(
      (a, b) => a - b
    )
    return { pass: findings.length === 0, evidence: findings.length ? { findings } : {} }
  },
  not_grey_black: ({ registry: r }) => ({
    pass: r.listStatus !== 'grey' && r.listStatus !== 'black',
    evidence: { figures: { listStatus: r.listStatus } },
  }),
  teachers_admitted: ({ registry: r }) => {
    const not = r.teachers.filter((t) => !t.admitted).map((t) => t.id)
    return {
      pass: r.teachers.length > 0 && not.length === 0,
      evidence: {
        ...(not.length ? { teachers: not } : {}),
        figures: { teachers: r.teachers.length },
      },
    }
  },
  teachers_certified: ({ registry: r }, offers) => {
    const byId = new Map(r.teachers.map((t) => [t.id, t]))
    const named = [...new Set(offers.flatMap((o) => o.teacherIds))]
    /* A teacher who left, or is not this institution's, holds no certificate here. */
    const not = named.filter((id) => !byId.get(id)?.certified || !byId.get(id)?.admitted)
    return {
      pass: named.length > 0 && not.length === 0,
      evidence: not.length ? { teachers: not.sort((a, b) => a - b) } : {},
    }
  },
  within_licence: ({ registry: r }, offers) => {
    const outside = offers.filter((o) => !r.categories.includes(o.category)).map((o) => o.name)
    return {
      pass: outside.length === 0,
      evidence: {
        ...(outside.length ? { offers: outside } : {}),
        figures: { categories: r.categories.join(',') },
      },
    }
  },
  credit_grade: ({ credit }, _, c) => ({
    pass: credit !== null && GRADES.indexOf(credit.grade) <= GRADES.indexOf(c.minCreditGrade),
    evidence: {
      figures: {
        grade: credit?.grade ?? null,
        score: credit?.score ?? null,
        floor: c.minCreditGrade,
      },
    },
  }),
}

/** Every check the criteria turn on, in a fixed order, with its result. */
export function compare(
  facts: EligibilityFacts,
  offers: OfferFacts[],
  criteria: EligibilityCriteria
): CheckResult[] {
  return CHECK_KEYS.filter((key) => criteria.checks[key]).map((key) => ({
    key,
    ...CHECKS[key](facts, offers, criteria),
  }))
}

export const passesAll = (results: CheckResult[]) => results.every((r) => r.pass)
