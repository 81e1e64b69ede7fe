/* Extension points the credit module offers to provincial plugins (see modules/identity/extension_points.ts). */
import { defineExtensionPoint } from '#kernel/plugins/extension_point'
import {
  NATIONAL_SCORE_BANDS,
  NATIONAL_SCORE_INDICATORS,
  type ScoreBand,
  type ScoreIndicators,
  type ScoreRulesInput,
} from './score/national_rules.js'

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * The credit score's indicators: the points each occurrence deducts,
     * the most an indicator may deduct, the look-back window and how long
     * each kind of penalty weighs.
     *
     * @asked Each time an institution's credit score is recomputed: after
     * an event that moves one of its facts (a complaint, a penalty, a
     * refund left to its deadline, a fund anomaly, a list change, a failed
     * material check) and on the monthly run over every institution.
     * @region The institution's region (its county).
     * @decides How many of the 1,000 points each fact takes away, hence
     * the score, the grade and the reasons the public credit page shows.
     * Points outside 0–1000, or a cap below its points, stop the score
     * with a message naming the indicator.
     * @national Modelled on Tianjin's 2022 credit rules (天津市校外培训
     * 机构信用评价办法: "28 indicators, 1,000 points"; refunds per contract
     * 100, charging per policy 50, standard contract 40, disclosure 40
     * minus 20 per missing item), over the last 12 months; penalties under
     * MOE Order No. 53 weigh 12 (warning) to 36 (licence revoked) months.
     */
    'credit.score.indicators': {
      kind: 'value'
      input: ScoreRulesInput
      output: ScoreIndicators
    }
    /**
     * The grade bands of the 1,000-point score.
     *
     * @asked With the indicators, each time a score is recomputed.
     * @region The institution's region (its county).
     * @decides The grade (A–E) a score falls in, which the public page
     * shows and inspection planning weighs its random draw by. Bands must
     * cover 0–1000 without a gap or an overlap, or the score stops with a
     * message naming the bands.
     * @national Tianjin 2022: A 980–1000, B 950–979, C 900–949, D 800–899,
     * E 0–799.
     */
    'credit.score.bands': {
      kind: 'value'
      input: ScoreRulesInput
      output: ScoreBand[]
    }
  }
}

export const scoreIndicators = defineExtensionPoint({
  name: 'credit.score.indicators',
  version: 1,
  kind: 'value',
  description: 'Points each credit indicator deducts, its cap, the window and penalty periods',
  /* An offline institution in Changchun's Chaoyang district. */
  example: (): ScoreRulesInput => ({ institutionId: 1, delivery: 'offline' }),
  defaultRule: () => structuredClone(NATIONAL_SCORE_INDICATORS),
})

export const scoreBands = defineExtensionPoint({
  name: 'credit.score.bands',
  version: 1,
  kind: 'value',
  description: 'Grade bands (A–E) of the 1,000-point credit score',
  example: (): ScoreRulesInput => ({ institutionId: 1, delivery: 'offline' }),
  defaultRule: () => NATIONAL_SCORE_BANDS.map((b) => ({ ...b })),
})

/* Risk warnings (Art. 17): thresholds per indicator, defined in risk/thresholds.ts. */
import type { RiskThresholdInput, RiskThresholds } from './risk/thresholds.js'

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * When an indicator of an institution's risk (Art. 17) warns, and at
     * which level: for each indicator its yellow, orange and red
     * thresholds and whether it is on; and how long a warning may stay
     * unlifted before the bureau is urged and before it goes public.
     *
     * @asked Each time an institution's risk is evaluated: within seconds
     * of a payment, refund, anomaly, complaint, finding or list change
     * about it, and for every institution each night.
     * @region The institution's region (its county; an online
     * institution's own region code).
     * @decides Which warnings are raised, moved to another level or lifted
     * (a value back under its threshold lifts it), and when a warning
     * unlifted since its reminder urges the responsible bureau and then
     * becomes a public risk notice. An answer out of range (negative,
     * levels out of order) fails with a message naming the indicator.
     * @national Coverage below 100 / 80 / 50 %; prepaid fees at 100 / 150
     * / 200 % of capacity; last week's sales at 300 / 500 / 1000 % of the
     * weekly average; refunds and disputes, and complaints, at 5 / 10 / 20
     * per 100 active orders; overdue answers 1 / 3 / 5; overdue
     * rectifications 1 / 2 / 3; licence fewer than 31 / 8 / 1 days left;
     * any banned staff red; open fund anomalies 1 / 2 / 3; the bureau
     * urged after 5 working days, a public notice 10 after that (sources
     * in modules/credit/risk/thresholds.ts).
     */
    'credit.risk.indicators': {
      kind: 'value'
      input: RiskThresholdInput
      output: RiskThresholds
    }
  }
}
