import RecomputeCreditScoresJob from './jobs/recompute_credit_scores_job.js'
import { scheduleRiskJobs } from './risk/schedule_risk_jobs.js'

/** Recurring jobs of the credit module (registered by a web process at boot). */
export async function scheduleCreditJobs() {
  /* Monthly, as Tianjin's rules re-evaluate; events keep scores current in between. */
  await RecomputeCreditScoresJob.schedule({})
    .id('credit.recompute_scores')
    .cron('30 2 1 * *')
    .timezone('Asia/Shanghai')
    .run()
  await scheduleRiskJobs()
}
