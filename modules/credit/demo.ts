/*
| The credit module's demo door (`#modules/credit/demo`), seen only by the
| demo seeder (database/seeders); `npm run boundaries` enforces it.
*/
import { recomputeAllScores } from './score/actions/recompute_institution_score.js'

/** The first monthly run over the demo's institutions, so grades exist before lists rank by them. */
export function seedCreditDemo() {
  return recomputeAllScores()
}
