/*
| Test helpers other modules' tests may use (`#testing/identity`).
*/
import { randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { sealPhone } from '#kernel/shared/personal_data'
import User from './models/user.js'
import { CurrentUser } from './services/current_user.js'
import { lineageOf } from './services/region_scope.js'
import type { AdminLevel, Role } from './roles.js'

export interface TestAccountInput {
  role: Role
  adminLevel?: AdminLevel | null
  regionCode?: string | null
  unitName?: string
  displayName?: string
  username?: string
  phone?: string
  /** null leaves the account without a password (as a freshly opened one). */
  password?: string | null
  status?: 'pending' | 'active' | 'disabled'
  orgType?: 'institution' | 'bank' | 'school' | null
  orgId?: number | null
}

export interface TestAccount {
  id: number
  user: CurrentUser
  signIn: string
  phone: string
  password: string | null
}

let sequence = 0

/*
| One hash per distinct test password and process: at the production cost
| (scrypt N=2^17, about a second here) hashing for every test account
| would dominate the suites. Sign-in still verifies the real hash.
*/
const hashes = new Map<string, Promise<string>>()
function hashOnce(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hash.make(password))
  return hashes.get(password)!
}

/** A phone number no other test uses (139 + process-unique digits). */
export function uniquePhone(): string {
  sequence += 1
  return `139${String(randomInt(0, 10_000)).padStart(4, '0')}${String(sequence % 10_000).padStart(4, '0')}`
}

export async function createTestAccount(input: TestAccountInput): Promise<TestAccount> {
  const phone = input.phone ?? uniquePhone()
  const sealed = sealPhone(phone)
  const lineage = input.regionCode ? lineageOf(input.regionCode) : null
  const password = input.password === undefined ? 'correct horse 42' : input.password
  const row = await User.create({
    role: input.role,
    adminLevel: input.role === 'admin' ? (input.adminLevel ?? 'county') : null,
    regionCode: lineage?.regionCode ?? null,
    provinceCode: lineage?.provinceCode ?? null,
    cityCode: lineage?.cityCode ?? null,
    countyCode: lineage?.countyCode ?? null,
    unitName: input.unitName ?? (input.role === 'parent' ? null : '测试单位'),
    displayName: input.displayName ?? '测试用户',
    username: input.username ?? null,
    phoneCipher: sealed.cipher,
    phoneIndex: sealed.index,
    phoneMasked: sealed.masked,
    password: password ? await hashOnce(password) : null,
    passwordSetAt: password ? DateTime.now() : null,
    status: input.status ?? (password ? 'active' : 'pending'),
    orgType: input.orgType ?? null,
    orgId: input.orgId ?? null,
  })
  return {
    id: row.id,
    user: new CurrentUser(row),
    signIn: input.username ?? phone,
    phone,
    password,
  }
}
