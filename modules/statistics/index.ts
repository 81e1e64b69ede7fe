/*
| The statistics module's public API. Other modules import only this file
| (`#modules/statistics`). Never export Lucid models from here.
|
| Nothing depends on statistics; what it exports is the contract the
| counting modules meet (structurally, see counter.ts) and its jobs.
*/
export type { Counter, CounterRow, CounterScope } from './counter.js'
export { scheduleStatisticsJobs } from './schedules.js'
