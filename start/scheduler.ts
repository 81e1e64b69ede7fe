/*
| Recurring jobs. Loaded only by web processes; `npm run worker` runs them.
| Each module schedules its own jobs through its public API.
*/
import { scheduleIdentityJobs } from '#modules/identity'
import { scheduleRegistryJobs } from '#modules/registry'
import { scheduleFundsJobs } from '#modules/funds'
import { scheduleComplaintsJobs } from '#modules/complaints'

await scheduleIdentityJobs()
await scheduleRegistryJobs()
await scheduleFundsJobs()
await scheduleComplaintsJobs()
