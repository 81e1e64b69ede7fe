import ReleaseUnpaidSeatsJob from './jobs/release_unpaid_seats_job.js'

/** Recurring jobs of the catalog module (registered by a web process at boot). */
export async function scheduleCatalogJobs() {
  await ReleaseUnpaidSeatsJob.schedule({})
    .id('catalog.release_unpaid_seats')
    .cron('*/5 * * * *')
    .timezone('Asia/Shanghai')
    .run()
}
