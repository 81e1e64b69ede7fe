/*
| The catalog module's public API. Other modules import only this file
| (`#modules/catalog`). Never export Lucid models from here.
*/
export type {
  CourseListedEvent,
  CourseTakenDownEvent,
  ContractSignedEvent,
  ContractLapsedEvent,
  MaterialCheckFailedEvent,
} from './events.js'
export { validateCourse, chargeLimits, NATIONAL_CHARGE_LIMITS } from './extension_points.js'
export type {
  CourseFacts,
  ChargeLimits,
  ChargeLimitsInput,
  CourseTeacherFacts,
} from './rules/course_facts.js'
export { nationalCourseRules } from './rules/national.js'
export {
  GRADES,
  STAGES,
  stageOf,
  stagesOf,
  type Grade,
  type Stage,
  type CourseStatus,
} from './course/vocabulary.js'
export {
  classMeetings,
  slotWindows,
  overlappingSlots,
  type WeeklySlot,
  type SlotWindow,
  type ClassMeeting,
} from './course/schedule.js'
export {
  saleCheck,
  contractSummary,
  contractSummaries,
  setContractStatus,
  type SaleCheck,
  type ContractSummary,
} from './queries/public_api.js'
export { liveContracts, type LiveContract } from './queries/live_contracts.js'
export { holdSeat, SEAT_HOLD_MINUTES, UNPAID_CONTRACT_CAP } from './services/seat_holds.js'
export {
  freezeSales,
  liftSalesFreezes,
  salesFreezesOf,
  type SalesFreeze,
  type SalesFreezeInput,
} from './services/sales_freezes.js'
export { scheduleCatalogJobs } from './schedules.js'
export { capacityRiskFacts, type CapacityFacts } from './queries/risk_facts.js'
export { catalogCreditFacts, type CatalogCreditFacts } from './queries/credit_facts.js'
