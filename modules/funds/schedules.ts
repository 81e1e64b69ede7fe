import FundDeadlinesJob from './jobs/fund_deadlines_job.js'
import ReconcileJob from './jobs/reconcile_job.js'

/** Recurring jobs of the funds module (registered by a web process at boot). */
export async function scheduleFundsJobs() {
  await FundDeadlinesJob.schedule({}).id('funds.deadlines').cron('*/10 * * * *').timezone('Asia/Shanghai').run()
  await ReconcileJob.schedule({}).id('funds.reconcile').cron('30 1 * * *').timezone('Asia/Shanghai').run()
}
