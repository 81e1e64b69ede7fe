import type { Principal, Terminal } from '#kernel/shared/principal'
import type User from '../models/user.js'
import { regionTree } from './region_tree.js'
import { type AdminLevel, type Role, homeOf, terminalOf } from '../roles.js'

/**
 * The signed-in person as every module sees them: a read-only value, never
 * the database row. `ctx.auth.user` is one of these.
 */
export class CurrentUser implements Principal {
  readonly id: number
  readonly role: Role
  readonly adminLevel: AdminLevel | null
  readonly regionCode: string | null
  /** "吉林省 / 长春市 / 朝阳区", or "全国" for the ministry. */
  readonly regionName: string | null
  readonly unitName: string | null
  readonly orgType: 'institution' | 'bank' | 'school' | null
  readonly orgId: number | null
  readonly displayName: string
  readonly phoneMasked: string | null
  readonly terminals: readonly Terminal[]
  readonly homePath: string

  constructor(row: User) {
    this.id = row.id
    this.role = row.role
    this.adminLevel = row.adminLevel
    this.regionCode = row.regionCode
    this.regionName = row.regionCode ? regionTree.fullName(row.regionCode) || '全国' : null
    this.unitName = row.unitName
    this.orgType = row.orgType
    this.orgId = row.orgId
    this.displayName = row.displayName
    this.phoneMasked = row.phoneMasked
    this.terminals = [terminalOf(row.role)]
    this.homePath = homeOf(row.role)
    Object.freeze(this)
  }

  get isAdmin() {
    return this.role === 'admin'
  }

  /** Bureau staff with a region they oversee (sub-units included). */
  get isRegionalStaff() {
    return this.role === 'admin' && this.regionCode !== null
  }
}
