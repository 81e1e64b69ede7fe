import type { DateTime } from 'luxon'
import User from '../models/user.js'

/** An operator account of a school or bank as the organisation's page lists it: the phone masked. */
export interface OrganizationAccount {
  id: number
  displayName: string
  phoneMasked: string | null
  /** pending: the one-time link is not used yet; disabled: stopped by a bureau. */
  status: 'pending' | 'active' | 'disabled'
  createdAt: DateTime
}

export const organizationAccountOf = (user: User): OrganizationAccount => ({
  id: user.id,
  displayName: user.displayName,
  phoneMasked: user.phoneMasked,
  status: user.status,
  createdAt: user.createdAt,
})

/** Every account, whatever its status, that acts for the organisation, oldest first. */
export async function organizationAccounts(
  orgType: 'school' | 'bank',
  orgId: number
): Promise<OrganizationAccount[]> {
  const rows = await User.query()
    .where('orgType', orgType)
    .where('orgId', orgId)
    .orderBy('createdAt')
    .orderBy('id')
  return rows.map(organizationAccountOf)
}
