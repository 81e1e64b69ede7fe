/*
| The credit module's public API. Other modules import only this file
| (`#modules/credit`). Never export Lucid models from here.
*/
export {}
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
