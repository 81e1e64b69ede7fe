import RecheckStaffJob from './jobs/recheck_staff_job.js'
import RecomputeListsJob from './jobs/recompute_lists_job.js'
import ExpireDraftClaimsJob from './jobs/expire_draft_claims_job.js'
import SendRemindersJob from './jobs/send_reminders_job.js'

/** Recurring jobs of the registry (registered by a web process at boot). */
export async function scheduleRegistryJobs() {
  await RecomputeListsJob.schedule({})
    .id('registry.recompute_lists')
    .cron('10 0 * * *')
    .timezone('Asia/Shanghai')
    .run()
  await ExpireDraftClaimsJob.schedule({})
    .id('registry.expire_draft_claims')
    .cron('30 0 * * *')
    .timezone('Asia/Shanghai')
    .run()
  /* After the lists are recomputed, early enough to be read at the start of the working day. */
  await SendRemindersJob.schedule({})
    .id('registry.send_reminders')
    .cron('0 7 * * *')
    .timezone('Asia/Shanghai')
    .run()
  await RecheckStaffJob.schedule({})
    .id('registry.recheck_staff')
    .cron('0 2 1 * *')
    .timezone('Asia/Shanghai')
    .run()
}
