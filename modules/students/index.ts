/*
| The students module's public API. Other modules import only this file
| (`#modules/students`). Never export Lucid models from here.
|
| Two parts: the school register (schools/, kept by counties) and the
| children's profiles (children/, kept by their guardians).
*/
export {
  schoolSummary,
  schoolSummaries,
  openSchoolsIn,
  type SchoolSummary,
} from './schools/queries/school_summaries.js'
export { schoolOfOperator } from './schools/queries/school_of_operator.js'
export {
  childSummariesOf,
  childSummaryOf,
  type ChildSummary,
} from './children/queries/child_summaries.js'
export { contractStudent, type ContractStudent } from './children/queries/contract_students.js'
export { StoreChild } from './children/actions/store_child.js'
export type { ChildInput } from './children/services/profile_rules.js'
export type { Relation as GuardianRelation } from './children/models/child_guardian.js'
export type { StudentRecordAnswer, StudentRecordQuery } from './children/student_record/protocol.js'
export type { StudentRecordService } from './children/student_record/service.js'
export type {
  StudentRecordChoice,
  StudentRecordInput,
} from './children/student_record/extension_point.js'
export { scheduleStudentsJobs } from './schedules.js'
export { readResidentId, type ResidentIdFacts } from './children/services/resident_id.js'
