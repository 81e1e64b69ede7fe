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
  return (await textingContactsOf([userId], client)).get(userId) ?? null
}

/** The same for many accounts in one query: only those a text can reach are in the map. */
export async function textingContactsOf(
  userIds: number[],
  client?: TransactionClientContract
): Promise<Map<number, { phone: string }>> {
  const ids = [...new Set(userIds)].filter((id) => Number.isSafeInteger(id) && id > 0)
  if (!ids.length) return new Map()
  /* In the caller's transaction: a second connection while it holds row locks can starve the pool. */
  const users = await User.query({ client })
    .whereIn('id', ids)
    .whereNotNull('phoneCipher')
    .whereNot('status', 'disabled')
    .select('id', 'phoneCipher')
  return new Map(users.map((user) => [user.id, { phone: unseal(user.phoneCipher!) }]))
}

/** The active accounts (password set, not disabled) that act for an organisation (an institution's owner and staff, a bank's operators). */
export async function accountsActingFor(
  orgType: 'institution' | 'bank' | 'school',
  orgId: number,
  client?: TransactionClientContract
): Promise<number[]> {
  return (await accountsActingForMany(orgType, [orgId], client)).get(orgId) ?? []
}

/** The same for many organisations of one type in one query; each id maps to its accounts (maybe none). */
export async function accountsActingForMany(
  orgType: 'institution' | 'bank' | 'school',
  orgIds: number[],
  client?: TransactionClientContract
): Promise<Map<number, number[]>> {
  const ids = [...new Set(orgIds)]
  const accounts = new Map<number, number[]>(ids.map((id) => [id, []]))
  if (!ids.length) return accounts
  const rows = await User.query({ client })
    .where('orgType', orgType)
    .whereIn('orgId', ids)
    .where('status', 'active')
    .select('id', 'orgId')
    .orderBy('id')
  for (const row of rows) accounts.get(row.orgId!)?.push(row.id)
  return accounts
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
