import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import User from '../models/user.js'
import type { CurrentUser } from '../services/current_user.js'
import type { RequestMeta } from '../services/audit_log.js'
import { canManageAccount } from '../services/account_rules.js'
import { ChangeAccountStatus } from './change_account_status.js'

/**
 * Stops one operator account of an organisation from its page: signed out
 * everywhere, its link revoked, the reason audited. An account that does
 * not act for that organisation, or that the bureau does not manage, does
 * not exist for it (404).
 */
export class DisableOrganizationAccount {
  async handle(
    actor: CurrentUser,
    organization: { type: 'school' | 'bank'; id: number },
    accountId: number,
    reason: string,
    meta: RequestMeta
  ): Promise<void> {
    const account = Number.isSafeInteger(accountId)
      ? await User.query()
          .where('id', accountId)
          .where('orgType', organization.type)
          .where('orgId', organization.id)
          .first()
      : null
    if (!account || !canManageAccount(actor, account)) throw new NotFoundException()
    if (account.status === 'disabled') return
    await new ChangeAccountStatus().disable(actor, account, reason, meta)
  }
}
