import type { CurrentUser } from '../services/current_user.js'
import type { RequestMeta } from '../services/audit_log.js'
import {
  type OrganizationAccount,
  organizationAccountOf,
} from '../queries/organization_accounts.js'
import { CreateAccount } from './create_account.js'

export interface OpenOrganizationAccountInput {
  organization: { type: 'school' | 'bank'; id: number }
  /** The organisation's region: the account belongs to it. */
  regionCode: string
  /** The organisation's name, shown as the account's unit. */
  unitName: string
  displayName: string
  phone: string
}

const ROLE_OF = { school: 'school_operator', bank: 'bank_operator' } as const

/**
 * A bureau opens an operator account for a school or bank it keeps, the
 * way it opens any account below it (account_rules.ts decides whether it
 * may): no password, a one-time link by text, an audit entry. The module
 * that owns the organisation has checked that the bureau keeps it.
 */
export class OpenOrganizationAccount {
  async handle(
    actor: CurrentUser,
    input: OpenOrganizationAccountInput,
    meta: RequestMeta
  ): Promise<OrganizationAccount> {
    const user = await new CreateAccount().handle(
      actor,
      {
        role: ROLE_OF[input.organization.type],
        regionCode: input.regionCode,
        unitName: input.unitName,
        displayName: input.displayName,
        phone: input.phone,
        organization: input.organization,
      },
      meta
    )
    return organizationAccountOf(user)
  }
}
