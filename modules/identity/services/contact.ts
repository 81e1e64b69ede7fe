import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { unseal } from '#kernel/shared/personal_data'
import User from '../models/user.js'

/**
 * Where a text for an account goes: its phone, unsealed here and handed
 * only to the messages module, which sends it and keeps it sealed. Null
 * for an account without a phone or a disabled one (nothing reaches it).
 */
export async function textingContactOf(userId: number): Promise<{ phone: string } | null> {
  const user = await User.find(userId)
  if (!user?.phoneCipher || user.status === 'disabled') return null
  return { phone: unseal(user.phoneCipher) }
}

/** The active accounts (password set, not disabled) that act for an organisation (an institution's owner and staff, a bank's operators). */
export async function accountsActingFor(
  orgType: 'institution' | 'bank' | 'school',
  orgId: number,
  client?: TransactionClientContract
): Promise<number[]> {
  const rows = await User.query({ client })
    .where({ orgType, orgId })
    .where('status', 'active')
    .select('id')
    .orderBy('id')
  return rows.map((row) => row.id)
}
