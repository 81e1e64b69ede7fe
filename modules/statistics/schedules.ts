import RefreshRollupsJob from './jobs/refresh_rollups_job.js'

/** Recurring jobs of the statistics module (registered by a web process at boot). */
export async function scheduleStatisticsJobs() {
  await RefreshRollupsJob.schedule({})
    .id('statistics.rollups.dirty')
    .cron('*/15 * * * *')
    .timezone('Asia/Shanghai')
    .run()
  await RefreshRollupsJob.schedule({ all: true })
    .id('statistics.rollups.all')
    .cron('0 2 * * *')
    .timezone('Asia/Shanghai')
    .run()
}
