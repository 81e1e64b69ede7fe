/*
| Benchmark data for the identity module: a bureau account for every
| region in scope (ministry, provinces, cities, counties), parents spread
| over the counties as the plan says, and, once the other modules have
| made them, the accounts of institutions and banks. Phone numbers are
| sealed by the application's own encryption (ciphertext, blind index,
| masked copy) and streamed with COPY; every generated account shares one
| password chosen for the run, hashed once.
|
| A parent's name and phone follow from the account id (`benchParent`), so
| the modules after this one can fill contracts and complaints without
| reading the users table.
*/
import hash from '@adonisjs/core/services/hash'
import { type BulkSession, Rng, type CopyValue, prefetched } from '#bench/lib/bulk_load'
import type { SealedBatch } from '#bench/lib/seal_pool'
import { COUNTRY_CODE } from '#kernel/shared/region_code'
import { regionTree } from '../services/region_tree.js'
import { lineageOf } from '../services/region_scope.js'
import { LEVEL_FOR_REGION_DEPTH } from '../roles.js'
import { benchPhone, personName, type Sex } from './names.js'

export { benchPhone, givenName, personName, surnameOf, type Sex } from './names.js'

const USER_COLUMNS = [
  'id',
  'role',
  'admin_level',
  'region_code',
  'province_code',
  'city_code',
  'county_code',
  'unit_name',
  'org_type',
  'org_id',
  'username',
  'phone_cipher',
  'phone_index',
  'phone_masked',
  'display_name',
  'password',
  'status',
  'password_set_at',
  'created_at',
  'updated_at',
] as const

export interface IdentityPlan {
  /** Every region that gets a bureau account (the country and the provinces, cities and counties in scope). */
  bureauRegions: string[]
  /** Parents per county-level region, in the order their ids are given. */
  parents: { regionCode: string; count: number }[]
  /** The password every generated account signs in with. */
  password: string
  /** The snapshot moment (ISO): accounts are created before it. */
  now: string
  seed: number
}

export interface GeneratedIdentity {
  users: number
  /** Parent ids per county: a contiguous range each. */
  parents: { regionCode: string; firstId: number; count: number }[]
  /** A few sign-in names of bureau accounts, for benchmarks and manual checks. */
  bureauAccounts: { username: string; regionCode: string; adminLevel: string }[]
}

/** The name and phone number a generated parent account has (pure: computed from the id). */
export function benchParent(userId: number): { displayName: string; phone: string; sex: Sex } {
  const rng = new Rng(userId * 2_654_435_761 + 17)
  const sex: Sex = rng.chance(0.62) ? 'female' : 'male'
  return { displayName: personName(rng, sex), phone: benchPhone(userId), sex }
}

/** The unit a bureau account acts for, as people name it: 教育部, 吉林省教育厅, 长春市朝阳区教育局. */
export function bureauUnitName(regionCode: string): string {
  if (regionCode === COUNTRY_CODE) return '教育部'
  const chain = regionTree.ancestors(regionCode).filter((r) => r.level > 0)
  const own = chain.at(-1)!
  if (own.level === 1) return `${own.name}教育厅`
  const city = chain.find((r) => r.level === 2)
  return `${own.level === 3 && city ? city.name : ''}${own.name}教育局`
}

const ago = (now: number, rng: Rng, maxDays: number) =>
  new Date(now - rng.int(1, maxDays * 86_400) * 1000)

async function nextUserId(session: BulkSession): Promise<number> {
  const [row] = await session.query<{ id: string | null }>('SELECT max(id) AS id FROM users')
  return Number(row!.id ?? 0) + 1
}

function userRow(values: Partial<Record<(typeof USER_COLUMNS)[number], CopyValue>>): CopyValue[] {
  return USER_COLUMNS.map((c) => values[c] ?? null)
}

export async function generateIdentity(
  session: BulkSession,
  plan: IdentityPlan
): Promise<GeneratedIdentity> {
  const passwordHash = await hash.make(plan.password)
  const now = Date.parse(plan.now)
  const rng = new Rng(plan.seed ^ 0x1d)
  const firstId = await nextUserId(session)
  const parents: GeneratedIdentity['parents'] = []
  const bureauAccounts: GeneratedIdentity['bureauAccounts'] = []

  /* Every account's columns but its sealed phone, in batches; the phones are sealed in the workers meanwhile. */
  function* batches(): Generator<Partial<Record<(typeof USER_COLUMNS)[number], CopyValue>>[]> {
    let batch: Partial<Record<(typeof USER_COLUMNS)[number], CopyValue>>[] = []
    let id = firstId
    for (const code of plan.bureauRegions) {
      const region = regionTree.get(code)!
      const lineage = lineageOf(code)
      const adminLevel = LEVEL_FOR_REGION_DEPTH[region.level]!
      const username = `admin_${code}`
      if (
        region.level < 2 ||
        !bureauAccounts.some(
          (a) => a.adminLevel === adminLevel && a.regionCode.slice(0, 2) === code.slice(0, 2)
        )
      )
        bureauAccounts.push({ username, regionCode: code, adminLevel })
      const created = ago(now, rng, 900)
      batch.push({
        id,
        role: 'admin',
        admin_level: adminLevel,
        region_code: code,
        province_code: lineage.provinceCode,
        city_code: lineage.cityCode,
        county_code: lineage.countyCode,
        unit_name: bureauUnitName(code),
        username,
        display_name: personName(rng, rng.chance(0.5) ? 'female' : 'male'),
        password: passwordHash,
        status: 'active',
        password_set_at: created,
        created_at: created,
        updated_at: created,
      })
      id++
    }
    for (const leaf of plan.parents) {
      const lineage = lineageOf(leaf.regionCode)
      parents.push({ regionCode: leaf.regionCode, firstId: id, count: leaf.count })
      for (let i = 0; i < leaf.count; i++, id++) {
        if (batch.length >= 10_000) {
          yield batch
          batch = []
        }
        const created = ago(now, rng, 700)
        batch.push({
          id,
          role: 'parent',
          region_code: leaf.regionCode,
          province_code: lineage.provinceCode,
          city_code: lineage.cityCode,
          county_code: lineage.countyCode,
          display_name: benchParent(id).displayName,
          password: passwordHash,
          status: 'active',
          password_set_at: created,
          created_at: created,
          updated_at: created,
        })
      }
    }
    if (batch.length) yield batch
  }

  let users = 0
  await session.withoutIndexes(['users'], async () => {
    users = await session.copy(
      'users',
      USER_COLUMNS,
      prefetched(
        batches(),
        (batch) =>
          session.seal(
            'phone',
            batch.map((u) => benchPhone(u.id as number))
          ),
        withPhones
      )
    )
  })
  await session.syncSequence('users')
  return { users, parents, bureauAccounts }
}

function* withPhones(
  batch: Partial<Record<(typeof USER_COLUMNS)[number], CopyValue>>[],
  sealed: SealedBatch
): Generator<CopyValue[]> {
  for (const [i, user] of batch.entries())
    yield userRow({
      ...user,
      phone_cipher: sealed.ciphers[i],
      phone_index: sealed.indexes[i],
      phone_masked: sealed.masked[i],
    })
}

/** Owner accounts of generated institutions (one each), linked to their institution. */
export async function generateInstitutionAccounts(
  session: BulkSession,
  input: {
    institutions: { id: number; name: string; regionCode: string }[]
    password: string
    now: string
    seed: number
  }
): Promise<{ users: number }> {
  return organizationAccounts(
    session,
    input.password,
    input.now,
    input.seed,
    'institution_owner',
    'institution',
    input.institutions
  )
}

/** One operator account per generated bank, for the bank terminal. */
export async function generateBankOperators(
  session: BulkSession,
  input: {
    banks: { id: number; name: string; regionCode: string }[]
    password: string
    now: string
    seed: number
  }
): Promise<{ users: number }> {
  return organizationAccounts(
    session,
    input.password,
    input.now,
    input.seed,
    'bank_operator',
    'bank',
    input.banks
  )
}

async function organizationAccounts(
  session: BulkSession,
  password: string,
  nowIso: string,
  seed: number,
  role: 'institution_owner' | 'bank_operator',
  orgType: 'institution' | 'bank',
  orgs: { id: number; name: string; regionCode: string }[]
) {
  const passwordHash = await hash.make(password)
  const now = Date.parse(nowIso)
  const rng = new Rng(seed ^ (role === 'bank_operator' ? 0xb4 : 0x1a))
  const firstId = await nextUserId(session)
  let users = 0
  /* Far fewer rows than the parents: the indexes are kept. */
  await session.transaction(async () => {
    const accounts = orgs.map((org, i) => {
      const lineage = lineageOf(org.regionCode)
      const created = ago(now, rng, 700)
      return {
        id: firstId + i,
        role,
        region_code: org.regionCode,
        province_code: lineage.provinceCode,
        city_code: lineage.cityCode,
        county_code: lineage.countyCode,
        unit_name: org.name.slice(0, 128),
        org_type: orgType,
        org_id: org.id,
        display_name: personName(rng, rng.chance(0.5) ? 'female' : 'male'),
        password: passwordHash,
        status: 'active',
        password_set_at: created,
        created_at: created,
        updated_at: created,
      }
    })
    const sealed = await session.seal(
      'phone',
      accounts.map((a) => benchPhone(a.id))
    )
    users = await session.copy('users', USER_COLUMNS, withPhones(accounts, sealed))
  })
  await session.syncSequence('users')
  return { users }
}

/** Empties this module's tables (`bench:seed --force`); the modules that depend on it are emptied first. */
export async function wipeIdentity(session: BulkSession) {
  await session.exec(
    'TRUNCATE users, account_tokens, verification_codes, notifications, audit_events RESTART IDENTITY CASCADE'
  )
}
