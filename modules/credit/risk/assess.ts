/*
| Facts → a level per indicator, with the thresholds the institution's
| province sets. Pure but for resolving the thresholds, which are asked
| once per region, delivery and size within a run.
*/
import type { RegionCode } from '#kernel/shared/region_code'
import {
  INDICATORS,
  INDICATOR_KEYS,
  type Evidence,
  type IndicatorKey,
  type RiskFacts,
} from './indicators.js'
import {
  type RiskLevel,
  type RiskThresholds,
  levelOf,
  riskThresholdsFor,
  sizeOf,
} from './thresholds.js'

export interface Assessment {
  indicator: IndicatorKey
  /** null: under every threshold, not measurable, or switched off. */
  level: RiskLevel | null
  value: number | null
  /** The threshold of the level reached (null when none). */
  threshold: number | null
  evidence: Evidence
  /** Off in this province: open warnings of it are lifted as switched off. */
  off: boolean
}

export interface InstitutionAssessment {
  facts: RiskFacts
  thresholds: RiskThresholds
  indicators: Assessment[]
}

export function thresholdCache() {
  const cache = new Map<string, Promise<RiskThresholds>>()
  return (facts: RiskFacts) => {
    const size = sizeOf(facts.funds?.activeOrders ?? 0)
    const key = `${facts.registry.regionCode}|${facts.registry.delivery}|${size}`
    let thresholds = cache.get(key)
    if (!thresholds) {
      thresholds = riskThresholdsFor(facts.registry.regionCode as RegionCode, {
        delivery: facts.registry.delivery,
        size,
      })
      cache.set(key, thresholds)
    }
    return thresholds
  }
}

export function assess(facts: RiskFacts, thresholds: RiskThresholds): Assessment[] {
  return INDICATOR_KEYS.map((key) => {
    const indicator = INDICATORS[key]
    const setting = thresholds.indicators[key]
    const { value, evidence } = indicator.measure(facts)
    const level = levelOf(value, indicator.direction, setting)
    return {
      indicator: key,
      level,
      value,
      threshold: level ? setting[level] : null,
      evidence,
      off: !setting.on,
    }
  })
}
