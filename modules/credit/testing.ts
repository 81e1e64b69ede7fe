/* Factories and helpers other modules' tests may use (`#testing/credit`). */
import { recomputeInstitutionScore } from './score/actions/recompute_institution_score.js'

/** Scores an institution now, as an event about it would (its credit grade exists afterwards). */
export async function scoreInstitution(institutionId: number) {
  return recomputeInstitutionScore(institutionId, { cause: 'test' })
}
