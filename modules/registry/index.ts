/*
| The registry module's public API. Other modules import only this file
| (`#modules/registry`). It never hands out Lucid models.
*/
export type { ListStatus, FilingStatus, ListReason } from './models/institution.js'
export type {
  ListChangedEvent,
  FilingApprovedEvent,
  InstitutionRemovedEvent,
  SupervisionChangedEvent,
  SupervisionFacts,
} from './events.js'
export {
  supervisingBanks,
  isSupervisingBank,
  type SupervisingBankRow,
} from './queries/supervising_banks.js'
export {
  RegisterSupervisingBank,
  type RegisterBankInput,
} from './actions/register_supervising_bank.js'
export { classifyList, extraFilingFields, type ExtraFieldsInput } from './extension_points.js'
export {
  classifyByNationalRules,
  FINDING_ITEMS,
  BLACK_ITEMS,
  type ListFacts,
  type Classification,
} from './services/list_rules.js'
export { publishNotice, type NoticeInput, type NoticeKind } from './services/notices.js'
export {
  institutionSummary,
  institutionSummaries,
  findInstitutionsByName,
  type InstitutionSummary,
} from './queries/institution_summary.js'
export { scheduleRegistryJobs } from './schedules.js'
export { isBureau, canSee, isResponsibleBureau } from './services/authority.js'
export { teachersOf, type TeacherFacts } from './queries/teachers.js'
export { contractParty, type ContractParty } from './queries/contract_party.js'
export {
  whereInstitution,
  isSellable,
  institutionIds,
  type InstitutionFilter,
} from './queries/institution_filter.js'
export {
  openRectificationCase,
  type RectificationCaseInput,
} from './actions/open_rectification_case.js'
export {
  remindResponsibleBureau,
  responsibleBureauAccounts,
  clipTextParam,
  type BureauReminder,
} from './actions/remind_responsible_bureau.js'
export { CATEGORIES, SUBJECTS, STAGES } from './filing/fields.js'
export { regionPicker, pickedRegion, type RegionPicker } from './services/region_picker.js'
export { registryCounter } from './queries/institution_counters.js'
export { registryRiskFacts, type RegistryRiskFacts } from './queries/risk_facts.js'
export {
  registryCreditFacts,
  creditSubjects,
  type RegistryCreditFacts,
} from './queries/credit_facts.js'
export {
  registryAfterschoolFacts,
  type RegistryAfterschoolFacts,
  type AfterschoolTeacher,
} from './queries/afterschool_facts.js'
/* The spreadsheet reader of the registry's imports (zip-bomb guarded), for other registers' imports. */
export { readSheet, type SheetRow } from './services/spreadsheet.js'
export { SpreadsheetRefused } from './services/zip_guard.js'
