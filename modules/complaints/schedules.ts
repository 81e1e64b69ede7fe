import ComplaintDeadlinesJob from './jobs/complaint_deadlines_job.js'
import RefreshRollupsJob from './jobs/refresh_rollups_job.js'

/** Recurring jobs of the complaints module (registered by a web process at boot). */
export async function scheduleComplaintsJobs() {
  await ComplaintDeadlinesJob.schedule({}).id('complaints.deadlines').cron('*/10 * * * *').timezone('Asia/Shanghai').run()
  await RefreshRollupsJob.schedule({}).id('complaints.rollups.dirty').cron('*/15 * * * *').timezone('Asia/Shanghai').run()
  await RefreshRollupsJob.schedule({ all: true }).id('complaints.rollups.all').cron('0 2 * * *').timezone('Asia/Shanghai').run()
}
