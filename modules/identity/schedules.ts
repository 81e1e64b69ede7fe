import PruneAuditLogJob from './jobs/prune_audit_log_job.js'
import PruneStaleRecordsJob from './jobs/prune_stale_records_job.js'

/** Recurring jobs of the identity module (registered by a web process at boot). */
export async function scheduleIdentityJobs() {
  await PruneAuditLogJob.schedule({})
    .id('identity.prune_audit_log')
    .cron('30 3 * * *')
    .timezone('Asia/Shanghai')
    .run()
  await PruneStaleRecordsJob.schedule({})
    .id('identity.prune_stale_records')
    .cron('45 3 * * *')
    .timezone('Asia/Shanghai')
    .run()
}
