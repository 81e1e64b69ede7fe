import ComplaintDeadlinesJob from './jobs/complaint_deadlines_job.js'

/** Recurring jobs of the complaints module (registered by a web process at boot). */
export async function scheduleComplaintsJobs() {
  await ComplaintDeadlinesJob.schedule({})
    .id('complaints.deadlines')
    .cron('*/10 * * * *')
    .timezone('Asia/Shanghai')
    .run()
}
