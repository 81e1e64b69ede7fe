/*
| The credit module's public API. Other modules import only this file
| (`#modules/credit`). Never export Lucid models from here.
*/
export type { PenaltyRecordedEvent, GradeChangedEvent } from './events.js'
export { creditGrades, type CreditGrade } from './score/queries/public_score.js'
export { scheduleCreditJobs } from './schedules.js'
export { scoreIndicators, scoreBands } from './extension_points.js'
export {
  NATIONAL_SCORE_INDICATORS,
  NATIONAL_SCORE_BANDS,
  checkIndicators,
  checkBands,
  ScoreRulesError,
  type ScoreIndicators,
  type ScoreBand,
} from './score/national_rules.js'
export {
  riskIndicators,
  checkThresholds,
  NATIONAL_RISK_THRESHOLDS,
  RiskThresholdError,
  type RiskThresholds,
  type RiskThresholdInput,
  type IndicatorThreshold,
  type RiskLevel,
} from './risk/thresholds.js'
export { INDICATOR_KEYS, type IndicatorKey } from './risk/indicators.js'
export { evaluateRisk, type RiskRun } from './risk/evaluate_risk.js'
export { advanceRiskWarnings, type LifecycleRun } from './risk/advance_warnings.js'
export { scheduleRiskJobs } from './risk/schedule_risk_jobs.js'
export { INSPECTION_WEIGHTS, weightedDraw } from './score/weighted_draw.js'
