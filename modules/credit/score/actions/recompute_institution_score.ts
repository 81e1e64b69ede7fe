import { creditSubjects, institutionSummary } from '#modules/registry'
import {
  type RecomputeCause,
  RecomputeCreditScores,
  type ScoreChange,
} from './recompute_credit_scores.js'

/** Recomputes one institution's score after an event about it (a removed one keeps its last score). */
export async function recomputeInstitutionScore(
  institutionId: number,
  cause: RecomputeCause
): Promise<ScoreChange[]> {
  const institution = await institutionSummary(institutionId)
  if (!institution || institution.removed) return []
  return new RecomputeCreditScores().handle(
    [{ id: institution.id, regionCode: institution.regionCode, delivery: institution.delivery }],
    cause
  )
}

/**
 * The monthly run over every institution, a thousand at a time. A run that
 * dies midway is simply run again: what it already wrote compares equal
 * and is skipped.
 */
export async function recomputeAllScores(
  batch = 1000
): Promise<{ institutions: number; changed: number }> {
  let afterId = 0
  let institutions = 0
  let changed = 0
  const action = new RecomputeCreditScores()
  for (;;) {
    const subjects = await creditSubjects(afterId, batch)
    if (!subjects.length) break
    changed += (await action.handle(subjects, { cause: 'monthly' })).length
    institutions += subjects.length
    afterId = subjects[subjects.length - 1]!.id
  }
  return { institutions, changed }
}
