/*
| The complaints module's public API. Other modules import only this file
| (`#modules/complaints`). Never export Lucid models from here.
*/
export type {
  ComplaintFiledEvent,
  ComplaintClosedEvent,
  ComplaintOverdueEvent,
  ReviewPostedEvent,
} from './events.js'
export {
  complaintDeadlines,
  NATIONAL_COMPLAINT_DEADLINES,
  type ComplaintDeadlines,
  type ComplaintDeadlineInput,
} from './extension_points.js'
export { institutionRating, type Rating } from './queries/reviews.js'
export { scheduleComplaintsJobs } from './schedules.js'
export { complaintsCounter } from './queries/complaint_counters.js'
export { complaintRiskFacts, type ComplaintRiskFacts } from './queries/risk_facts.js'
export { complaintsCreditFacts, type ComplaintsCreditFacts } from './queries/credit_facts.js'
