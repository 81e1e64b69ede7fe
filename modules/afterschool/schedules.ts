import RecheckListedJob from './jobs/recheck_listed_job.js'

/** Nightly after the risk run (03:15): facts no event announces, such as a licence running out overnight. */
export async function scheduleAfterschoolJobs() {
  await RecheckListedJob.schedule({})
    .id('afterschool.recheck_listed')
    .cron('45 3 * * *')
    .timezone('Asia/Shanghai')
    .run()
}
