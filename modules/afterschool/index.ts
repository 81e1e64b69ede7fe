/*
| The afterschool module's public API. Other modules import only this file
| (`#modules/afterschool`). Never export Lucid models from here.
*/
export { scheduleAfterschoolJobs } from './schedules.js'
export { eligibilityCriteria, criteriaFor } from './extension_points.js'
export {
  CHECK_KEYS,
  NATIONAL_ELIGIBILITY,
  checkCriteria,
  EligibilityCriteriaError,
  type CheckKey,
  type EligibilityCriteria,
  type EligibilityInput,
} from './eligibility/criteria.js'
export { recheckListed, type RecheckRun } from './calls/actions/recheck_listed.js'
export type { ProviderRatedEvent } from './events.js'
