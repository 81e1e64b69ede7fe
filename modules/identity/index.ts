/*
| The identity module's public API. Other modules import only this file
| (`#modules/identity`). It never hands out Lucid models.
*/
export { CurrentUser } from './services/current_user.js'
export { CurrentUserProvider } from './services/user_provider.js'
export { ROLES, ADMIN_LEVELS, type Role, type AdminLevel, homeOf, terminalOf } from './roles.js'
export { regionTree, type Region, type RegionLevel } from './services/region_tree.js'
export {
  applyRegionScope,
  whereRegionCodeWithin,
  inScope,
  lineageOf,
  type RegionLineage,
  type ScopeColumns,
} from './services/region_scope.js'
export {
  institutionActedFor,
  bankActedFor,
  actsForInstitution,
  actsForBank,
  actingInstitutionId,
  actingBankId,
  sameOwnerOr404,
} from './services/acting_for.js'
export {
  recordAudit,
  requestMeta,
  type AuditEntry,
  type RequestMeta,
} from './services/audit_log.js'
export {
  textingContactOf,
  textingContactsOf,
  accountsActingFor,
  accountsActingForMany,
  bureauAccountsFor,
} from './services/contact.js'
export { SendVerificationCode, type CodePurpose } from './actions/send_verification_code.js'
export { CheckVerificationCode } from './actions/check_verification_code.js'
export { ConfirmPassword } from './actions/confirm_password.js'
export { attachOrganization } from './actions/attach_organization.js'
export {
  OpenOrganizationAccount,
  type OpenOrganizationAccountInput,
} from './actions/open_organization_account.js'
export { DisableOrganizationAccount } from './actions/disable_organization_account.js'
export { organizationAccounts, type OrganizationAccount } from './queries/organization_accounts.js'
export { PruneAuditLog, type PruneResult } from './actions/prune_audit_log.js'
export { auditRetentionDays } from './extension_points.js'
export { default as PruneAuditLogJob } from './jobs/prune_audit_log_job.js'
export { scheduleIdentityJobs } from './schedules.js'
