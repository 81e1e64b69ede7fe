import ReleaseUnpaidSeatsJob from './jobs/release_unpaid_seats_job.js'
import RemindPendingCoursesJob from './jobs/remind_pending_courses_job.js'

/** Recurring jobs of the catalog module (registered by a web process at boot). */
export async function scheduleCatalogJobs() {
  await ReleaseUnpaidSeatsJob.schedule({})
    .id('catalog.release_unpaid_seats')
    .cron('*/5 * * * *')
    .timezone('Asia/Shanghai')
    .run()
  await RemindPendingCoursesJob.schedule({})
    .id('catalog.remind_pending_courses')
    .cron('5 7 * * *')
    .timezone('Asia/Shanghai')
    .run()
}
