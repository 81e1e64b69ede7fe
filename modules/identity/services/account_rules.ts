/*
| Who may open which accounts (2018 manual, 区县下属单位管理): each bureau
| opens accounts for the level directly below it; a bureau at the bottom
| of the tree (a county, or a city without counties) opens accounts for
| its sub-units, its schools and the banks that hold supervised funds.
*/
import type { CurrentUser } from './current_user.js'
import { type Region, regionTree } from './region_tree.js'
import { type AdminLevel, LEVEL_FOR_REGION_DEPTH, type Role } from '../roles.js'

export type ManagedRole = Extract<Role, 'admin' | 'school_operator' | 'bank_operator'>

export interface AccountKind {
  role: ManagedRole
  adminLevel: AdminLevel | null
  /** Regions the new account may belong to. */
  regions: Region[]
}

const MANAGING_LEVELS: AdminLevel[] = ['ministry', 'province', 'city', 'county']

export function canManageAccounts(user: CurrentUser): boolean {
  return (
    user.role === 'admin' &&
    !!user.adminLevel &&
    MANAGING_LEVELS.includes(user.adminLevel) &&
    !!user.regionCode
  )
}

export function creatableKinds(user: CurrentUser): AccountKind[] {
  if (!canManageAccounts(user)) return []
  const own = regionTree.get(user.regionCode!)
  if (!own) return []
  const children = regionTree.children(own.code)
  const kinds: AccountKind[] = []

  const byLevel = new Map<AdminLevel, Region[]>()
  for (const child of children) {
    const level = LEVEL_FOR_REGION_DEPTH[child.level]
    if (!level)
      throw new Error(`Region ${child.code} is at depth ${child.level}, which has no admin level`)
    byLevel.set(level, [...(byLevel.get(level) ?? []), child])
  }
  for (const [level, regions] of byLevel) kinds.push({ role: 'admin', adminLevel: level, regions })

  if (children.length === 0) {
    kinds.push({ role: 'admin', adminLevel: 'subunit', regions: [own] })
    kinds.push({ role: 'school_operator', adminLevel: null, regions: [own] })
  }
  if (own.level >= 1) kinds.push({ role: 'bank_operator', adminLevel: null, regions: [own] })
  return kinds
}

export function findKind(user: CurrentUser, role: string, adminLevel: string | null | undefined) {
  return creatableKinds(user).find(
    (k) => k.role === role && (k.adminLevel ?? null) === (adminLevel ?? null)
  )
}

const DEPTH: Record<AdminLevel, number> = {
  ministry: 0,
  province: 1,
  city: 2,
  county: 3,
  subunit: 4,
}

/**
 * May the admin see and manage this account? It must be a bureau, school
 * or bank account in the admin's region, below the admin's own level.
 */
export function canManageAccount(
  user: CurrentUser,
  account: { id: number; role: Role; adminLevel: AdminLevel | null; regionCode: string | null }
): boolean {
  if (!canManageAccounts(user) || account.id === user.id || !account.regionCode) return false
  if (!['admin', 'school_operator', 'bank_operator'].includes(account.role)) return false
  if (!regionTree.isWithin(account.regionCode, user.regionCode!)) return false
  const accountDepth = account.adminLevel ? DEPTH[account.adminLevel] : 4
  return accountDepth > DEPTH[user.adminLevel!]
}
