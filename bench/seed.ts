/*
| The national-scale data generator (`node ace bench:seed`). It plans the
| run (bench/plan.ts), then asks each module to write its own tables, in
| dependency order, passing only plain values between them:
|
|   identity    bureau accounts for every region, parents per county
|   registry    institutions, filings, staff, inspections, lists
|   identity    the institutions' owner accounts
|   catalog     courses, materials, contracts
|   funds       banks, supervised accounts, orders, payments, classes,
|               refunds, bank instructions and movements, the ledger
|   identity    the banks' operator accounts
|   complaints  complaints with their trails, reviews
|
| then rebuilds the statistics rollups, analyzes the tables and proves the
| ledger's invariants. Every phase is timed; the report lists the rows of
| every table written.
*/
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { BulkSession, secondsSince } from './lib/bulk_load.js'
import { SealPool } from './lib/seal_pool.js'
import {
  generateIdentity,
  generateInstitutionAccounts,
  generateBankOperators,
  wipeIdentity,
  benchPhone,
} from '#modules/identity/bench'
import { generateRegistry, wipeRegistry } from '#modules/registry/bench'
import { generateCatalog, wipeCatalog } from '#modules/catalog/bench'
import { isClean, ledgerProblems, type LedgerProblems } from '#modules/funds'
import { generateFunds, wipeFunds } from '#modules/funds/bench'
import { generateComplaints, wipeComplaints } from '#modules/complaints/bench'
import { rebuildStatistics, wipeStatistics } from '#modules/statistics/bench'
import { type GenerationPlan, type Scale, makePlan } from './plan.js'

export interface SeedOptions {
  scale: Scale
  /** Province of the `province` scale (default Jilin, where the reference plugin applies). */
  province?: string
  seed?: number
  /** Empty the generated tables first instead of refusing a non-empty database. */
  force?: boolean
  /** Prove the ledger's invariants at the end (default true). */
  check?: boolean
  /** VACUUM (ANALYZE) instead of ANALYZE at the end. */
  vacuum?: boolean
  /** Worker threads that seal personal data (default 2; 0 seals in this thread). */
  sealWorkers?: number
  /** Where the run's summary (accounts, password, counts, timings) is written; null for nowhere. */
  summaryFile?: string | null
  log?: (line: string) => void
}

export interface SeedReport {
  plan: Pick<GenerationPlan, 'scale' | 'seed' | 'now' | 'today' | 'provinces'> & {
    institutions: number
    parents: number
    students: number
    complaints: number
  }
  password: string
  phases: { phase: string; seconds: number }[]
  generationSeconds: number
  rows: Record<string, number>
  statuses: Record<string, Record<string, number>>
  ledger: { clean: boolean; seconds: number; problems: LedgerProblems } | null
  accounts: {
    bureaus: { username: string; regionCode: string; adminLevel: string }[]
    parents: { id: number; phone: string }[]
    institutionOwners: { institutionId: number; phone: string }[]
  }
}

/** Tables whose rows tell whether a database already holds data. */
const MARKERS = ['users', 'institutions', 'courses', 'orders', 'complaints']

export class NotEmptyError extends Error {}

export async function seed(options: SeedOptions): Promise<SeedReport> {
  if (app.inProduction)
    throw new Error('bench:seed never runs in production: it writes made-up people and money')
  const log = options.log ?? (() => {})
  const phases: SeedReport['phases'] = []
  const started = performance.now()
  const session = await BulkSession.open()
  let pool: SealPool | null = null
  try {
    const time = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
      const t = performance.now()
      log(`… ${phase}`)
      const result = await work()
      phases.push({ phase, seconds: secondsSince(t) })
      log(`✓ ${phase} (${secondsSince(t)} s)`)
      return result
    }

    const filled = []
    for (const table of MARKERS)
      if ((await session.query(`SELECT 1 FROM ${table} LIMIT 1`)).length) filled.push(table)
    if (filled.length && !options.force) {
      throw new NotEmptyError(
        `The database already has data (${filled.join(', ')}). Generate into an empty, migrated database, or pass --force to empty the generated tables first.`
      )
    }
    if (filled.length) {
      await time('wipe', async () => {
        await wipeStatistics(session)
        await wipeComplaints(session)
        await wipeFunds(session)
        await wipeCatalog(session)
        await wipeRegistry(session)
        await wipeIdentity(session)
      })
    }

    /* Personal data is sealed by worker threads running the application's encryption, while this thread formats rows. */
    if ((options.sealWorkers ?? 2) > 0) {
      pool = await time('start sealing workers', () => SealPool.start(options.sealWorkers ?? 2))
      session.useSealPool(pool)
    }

    const [start] = await session.query<{ id: string }>(
      'SELECT coalesce(max(id), 0) + 1 AS id FROM institutions'
    )
    const firstInstitutionId = start!.id
    const plan = makePlan({
      scale: options.scale,
      seed: options.seed ?? 20261123,
      now: new Date(),
      province: options.province,
      firstInstitutionId: Number(firstInstitutionId),
    })
    const password = `Bench-${randomBytes(6).toString('base64url')}`
    const common = { now: plan.now, today: plan.today, seed: plan.seed }
    const rows: Record<string, number> = {}
    const add = (counts: Record<string, number>) => {
      for (const [table, n] of Object.entries(counts)) rows[table] = (rows[table] ?? 0) + n
    }

    const identity = await time('identity: bureaus and parents', () =>
      generateIdentity(session, {
        ...common,
        password,
        bureauRegions: plan.bureauRegions,
        parents: plan.leaves
          .filter((l) => l.parents)
          .map((l) => ({ regionCode: l.regionCode, count: l.parents })),
      })
    )
    rows.users = identity.users
    const registry = await time('registry: institutions, filings, staff, inspections', () =>
      generateRegistry(session, {
        ...common,
        institutions: plan.leaves.map((l) => ({
          regionCode: l.regionCode,
          firstId: l.firstInstitutionId,
          count: l.institutions,
        })),
      })
    )
    add(registry.counts)
    const owners = await time('identity: institution accounts', () =>
      generateInstitutionAccounts(session, {
        ...common,
        password,
        institutions: registry.institutions,
      })
    )
    rows.users += owners.users
    const catalog = await time('catalog: courses and contracts', () =>
      generateCatalog(session, {
        ...common,
        institutions: registry.institutions,
        parents: identity.parents,
        students: plan.leaves.map((l) => ({ regionCode: l.regionCode, count: l.students })),
      })
    )
    add(catalog.counts)
    const funds = await time('funds: orders, classes, refunds, banks, ledger', () =>
      generateFunds(session, { ...common, institutions: registry.institutions })
    )
    add(funds.counts)
    const operators = await time('identity: bank accounts', () =>
      generateBankOperators(session, { ...common, password, banks: funds.banks })
    )
    rows.users += operators.users
    const complaints = await time('complaints: cases, trails, reviews', () =>
      generateComplaints(session, {
        ...common,
        institutions: registry.institutions,
        parents: identity.parents,
        complaints: plan.size.complaints,
      })
    )
    add(complaints.counts)
    await time('statistics rollups', async () => {
      rows.stat_rollups = (await rebuildStatistics()).rows
    })
    await time(options.vacuum ? 'vacuum and analyze' : 'analyze', () =>
      session.exec(options.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE')
    )
    const generationSeconds = secondsSince(started)

    let ledger: SeedReport['ledger'] = null
    if (options.check !== false) {
      const t = performance.now()
      log('… proving the ledger invariants')
      const problems = await ledgerProblems()
      ledger = { clean: isClean(problems), seconds: secondsSince(t), problems }
    }

    const sampleParents = identity.parents
      .filter((p) => p.count)
      .slice(0, 20)
      .map((p) => ({ id: p.firstId, phone: benchPhone(p.firstId) }))
    const report: SeedReport = {
      plan: {
        scale: plan.scale,
        seed: plan.seed,
        now: plan.now,
        today: plan.today,
        provinces: plan.provinces,
        institutions: plan.leaves.reduce((n, l) => n + l.institutions, 0),
        parents: plan.leaves.reduce((n, l) => n + l.parents, 0),
        students: plan.leaves.reduce((n, l) => n + l.students, 0),
        complaints: plan.size.complaints,
      },
      password,
      phases,
      generationSeconds,
      rows,
      statuses: {
        contracts: catalog.contractsByStatus,
        orders: funds.ordersByStatus,
        complaints: complaints.complaintsByStatus,
      },
      ledger,
      accounts: {
        bureaus: identity.bureauAccounts,
        parents: sampleParents,
        institutionOwners: (
          await session.query<{ org_id: string; id: string }>(
            `SELECT org_id, id FROM users WHERE role = 'institution_owner' ORDER BY id LIMIT 20`
          )
        ).map((r) => ({ institutionId: Number(r.org_id), phone: benchPhone(Number(r.id)) })),
      },
    }
    if (options.summaryFile !== null) {
      const file = options.summaryFile ?? join(app.makePath('.data'), 'bench-seed.json')
      mkdirSync(join(file, '..'), { recursive: true })
      writeFileSync(file, JSON.stringify(report, null, 2), { mode: 0o600 })
    }
    return report
  } finally {
    await pool?.close()
    await session.close()
  }
}
