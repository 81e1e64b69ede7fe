/*
| The funds module's public API. Other modules import only this file
| (`#modules/funds`). Never export Lucid models from here.
*/
export type {
  OrderPaidEvent,
  ClassReleasedEvent,
  RefundSettledEvent,
  FundAnomalyRaisedEvent,
} from './events.js'
export {
  releaseSchedule,
  escrowPolicy,
  fundDeadlines,
  attendancePolicy,
  NATIONAL_DEADLINES,
  NATIONAL_ATTENDANCE,
  type ReleaseInput,
  type ReleaseOrder,
  type ReleaseClass,
  type ReleasePart,
  type EscrowPolicy,
  type FundDeadlines,
  type AttendancePolicy,
} from './extension_points.js'
export {
  registerChannel,
  type PaymentChannel,
  type ChannelNotice,
  type PaymentRequest,
  type RefundRequest,
  NoticeRejected,
} from './channels/channel.js'
export { ledgerProblems, isClean, type LedgerProblems } from './ledger/invariants.js'
export { scheduleFundsJobs } from './schedules.js'
export { orderFacts, ordersOfParent, type OrderFacts } from './queries/order_facts.js'
export { fundsCounter } from './queries/institution_counters.js'
export { fundsRiskFacts, type FundsRiskFacts } from './queries/risk_facts.js'
export { fundsCreditFacts, type FundsCreditFacts } from './queries/credit_facts.js'
export { tellParentsOfRiskNotice } from './actions/tell_parents_at_risk.js'
export { fundsAfterschoolFacts, type FundsAfterschoolFacts } from './queries/afterschool_facts.js'
