import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '../models/user.js'

/**
 * Links an institution, bank or school account to the organisation it acts
 * for (called by the module that owns the organisation).
 */
export async function attachOrganization(
  userId: number,
  orgType: 'institution' | 'bank' | 'school',
  orgId: number,
  trx?: TransactionClientContract
) {
  const user = await User.query({ client: trx }).where('id', userId).forUpdate().firstOrFail()
  if (user.orgId && (user.orgType !== orgType || user.orgId !== orgId)) {
    throw new Error(`Account ${userId} already acts for ${user.orgType} ${user.orgId}`)
  }
  const roles = {
    institution: ['institution_owner', 'institution_staff'],
    bank: ['bank_operator'],
    school: ['school_operator'],
  }
  if (!roles[orgType].includes(user.role))
    throw new Error(`A ${user.role} account cannot act for a ${orgType}`)
  user.orgType = orgType
  user.orgId = orgId
  if (trx) user.useTransaction(trx)
  await user.save()
}
