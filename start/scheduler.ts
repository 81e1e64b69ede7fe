/*
| Recurring jobs. Loaded only by web processes; `npm run worker` runs them.
| Each module schedules its own jobs through its public API.
*/
import { scheduleOutboxSweep } from '#kernel/jobs/outbox_drain_job'
import { scheduleIdentityJobs } from '#modules/identity'
import { scheduleMessagesJobs } from '#modules/messages'
import { scheduleRegistryJobs } from '#modules/registry'
import { scheduleCatalogJobs } from '#modules/catalog'
import { scheduleFundsJobs } from '#modules/funds'
import { scheduleComplaintsJobs } from '#modules/complaints'
import { scheduleStatisticsJobs } from '#modules/statistics'
import { scheduleCreditJobs } from '#modules/credit'
import { scheduleStudentsJobs } from '#modules/students'
import { scheduleAfterschoolJobs } from '#modules/afterschool'

await scheduleOutboxSweep()
await scheduleIdentityJobs()
await scheduleMessagesJobs()
await scheduleRegistryJobs()
await scheduleCatalogJobs()
await scheduleFundsJobs()
await scheduleComplaintsJobs()
await scheduleStatisticsJobs()
await scheduleCreditJobs()
await scheduleStudentsJobs()
await scheduleAfterschoolJobs()
