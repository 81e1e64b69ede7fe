import EvaluateRiskJob from '../jobs/evaluate_risk_job.js'

/**
 * Nightly, after the funds reconciliation (01:30) has refreshed balances and
 * anomalies: every institution re-evaluated set-based, then the lifecycle
 * moved on (bureaus urged, public notices). Events keep warnings current
 * in between.
 */
export async function scheduleRiskJobs() {
  await EvaluateRiskJob.schedule({})
    .id('credit.evaluate_risk')
    .cron('15 3 * * *')
    .timezone('Asia/Shanghai')
    .run()
}
