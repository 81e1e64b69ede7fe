import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { unseal } from '#kernel/shared/personal_data'
import User from '../models/user.js'
import type { AdminLevel } from '../roles.js'
import { regionTree } from './region_tree.js'

/**
 * Where a text for an account goes: its phone, unsealed here and handed
 * only to the messages module, which sends it and keeps it sealed. Null
 * for an account without a phone or a disabled one (nothing reaches it).
 */
export async function textingContactOf(
  userId: number,
  client?: TransactionClientContract
): Promise<{ phone: string } | null> {
  /* In the caller's transaction: a second connection while it holds row locks can starve the pool. */
  const user = await User.find(userId, { client })
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

/* Sub-units (街道教育办) help their county but do not own its cases. */
const BUREAU_LEVELS: AdminLevel[] = ['ministry', 'province', 'city', 'county']

/**
 * The active admin accounts of the bureau of exactly this region (not the
 * bureaus above or below it): who a bureau's reminder goes to. `levels`
 * narrows them (the province alone for an online institution) or adds
 * sub-units for work that is theirs; by default every level but sub-units.
 * An unknown region has no bureau, so it reaches nobody.
 */
export async function bureauAccountsFor(
  regionCode: string | null | undefined,
  options: { levels?: AdminLevel[]; client?: TransactionClientContract } = {}
): Promise<number[]> {
  const levels = options.levels ?? BUREAU_LEVELS
  if (!regionCode || !regionTree.get(regionCode) || !levels.length) return []
  const rows = await User.query({ client: options.client })
    .where({ role: 'admin', regionCode, status: 'active' })
    .whereIn('adminLevel', levels)
    .select('id')
    .orderBy('id')
  return rows.map((row) => row.id)
}
