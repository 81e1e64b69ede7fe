import PruneMessageLogJob from './jobs/prune_message_log_job.js'
import PullDeliveryReportsJob from './jobs/pull_delivery_reports_job.js'

/** Recurring jobs of the messages module (registered by a web process at boot). */
export async function scheduleMessagesJobs() {
  await PruneMessageLogJob.schedule({})
    .id('messages.prune_message_log')
    .cron('50 3 * * *')
    .timezone('Asia/Shanghai')
    .run()
  await PullDeliveryReportsJob.schedule({})
    .id('messages.pull_delivery_reports')
    .cron('*/5 * * * *')
    .timezone('Asia/Shanghai')
    .run()
}
