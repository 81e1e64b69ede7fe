/*
| The credit module's demo door (`#modules/credit/demo`), seen only by the
| demo seeder (database/seeders); `npm run boundaries` enforces it.
*/
import { evaluateRisk } from './risk/evaluate_risk.js'
import { recomputeAllScores } from './score/actions/recompute_institution_score.js'

/**
 * The first nightly risk run and the first monthly score run over the
 * demo's institutions: warnings on the board from the demo's own facts
 * (fees, refunds, anomalies, findings), and grades before lists rank by them.
 */
export async function seedCreditDemo() {
  const risk = await evaluateRisk()
  const scores = await recomputeAllScores()
  return { ...scores, warnings: risk.raised }
}
