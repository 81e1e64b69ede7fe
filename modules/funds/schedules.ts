import FundDeadlinesJob from './jobs/fund_deadlines_job.js'
import ReconcileJob from './jobs/reconcile_job.js'
import ReleaseHeldFeesJob from './jobs/release_held_fees_job.js'
import PruneMachineRecordsJob from './jobs/prune_machine_records_job.js'

/** Recurring jobs of the funds module (registered by a web process at boot). */
export async function scheduleFundsJobs() {
  await FundDeadlinesJob.schedule({})
    .id('funds.deadlines')
    .cron('*/10 * * * *')
    .timezone('Asia/Shanghai')
    .run()
  /* Early in the Beijing day, so a fee due today is paid today (actions/release_held_fees.ts). */
  await ReleaseHeldFeesJob.schedule({})
    .id('funds.release_held_fees')
    .cron('20 0 * * *')
    .timezone('Asia/Shanghai')
    .run()
  await ReconcileJob.schedule({})
    .id('funds.reconcile')
    .cron('30 1 * * *')
    .timezone('Asia/Shanghai')
    .run()
  /* Retention periods are written in actions/prune_machine_records.ts. */
  await PruneMachineRecordsJob.schedule({})
    .id('funds.prune_machine_records')
    .cron('50 2 * * *')
    .timezone('Asia/Shanghai')
    .run()
}
