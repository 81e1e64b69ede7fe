/*
| The data generator at smoke scale (every county, a few thousand orders):
| what it writes must be what the plan says, spread over the whole
| country, sealed like the application seals, and consistent with the
| ledger's invariants and the statistics it feeds. Not timed: the bench
| suite checks that things work, not how fast.
*/
import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import { regionTree } from '#modules/identity'
import { benchPhone } from '#modules/identity/bench'
import { isClean, ledgerProblems } from '#modules/funds'
import { CATEGORIES } from '#modules/registry'
import { classMeetings, slotWindows } from '#modules/catalog'
import { NotEmptyError, seed, type SeedReport } from '../../bench/seed.js'
import { SIZES } from '../../bench/plan.js'

const count = async (sql: string, bindings: any[] = []) =>
  Number((await db.rawQuery(sql, bindings)).rows[0].n)
const CHINESE = /^[\u4e00-\u9fa5]{2,4}$/

/* The catalog's canonical JSON (keys sorted, no spaces), to recompute a contract's content hash independently. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

test.group('bench:seed at smoke scale', (group) => {
  let report: SeedReport

  group.setup(async () => {
    /* --force: other bench tests may have run in this database first. */
    report = await seed({ scale: 'smoke', force: true, summaryFile: null })
  })

  test('writes the rows the plan and the report say', async ({ assert }) => {
    assert.equal(await count('SELECT count(*) AS n FROM institutions'), SIZES.smoke.institutions)
    assert.equal(await count('SELECT count(*) AS n FROM complaints'), SIZES.smoke.complaints)
    for (const [table, rows] of Object.entries(report.rows)) {
      assert.equal(await count(`SELECT count(*) AS n FROM ${table}`), rows, `rows of ${table}`)
    }
    const regions = regionTree.all().length
    assert.equal(
      await count(`SELECT count(*) AS n FROM users WHERE role = 'admin'`),
      regions,
      'a bureau account per region'
    )
    assert.equal(
      await count(`SELECT count(*) AS n FROM users WHERE role = 'institution_owner'`),
      SIZES.smoke.institutions
    )
    assert.equal(
      await count(`SELECT count(*) AS n FROM users WHERE role = 'bank_operator'`),
      report.rows.banks
    )
    const parents = await count(`SELECT count(*) AS n FROM users WHERE role = 'parent'`)
    assert.equal(parents, report.plan.parents)
    assert.equal(report.plan.students, SIZES.smoke.students)
    for (const table of [
      'staff',
      'filing_sections',
      'inspections',
      'inspection_findings',
      'courses',
      'contracts',
      'orders',
      'payments',
      'consumptions',
      'refunds',
      'bank_instructions',
      'bank_movements',
      'ledger_transactions',
      'complaint_steps',
      'reviews',
      'stat_rollups',
    ]) {
      assert.isAbove(report.rows[table] ?? 0, 0, `${table} has rows`)
    }
    assert.isAbove(report.rows.orders!, 1000, 'a few thousand orders')
  })

  test('every province and every county-level region has institutions', async ({ assert }) => {
    const leaves = regionTree
      .all()
      .filter((r) => r.level > 0 && regionTree.children(r.code).length === 0)
      .map((r) => r.code)
    const provinces = regionTree.children('000000').map((r) => r.code)
    const covered = new Set(
      (await db.rawQuery('SELECT DISTINCT region_code FROM institutions')).rows.map(
        (r: any) => r.region_code
      )
    )
    assert.deepEqual(
      leaves.filter((code) => !covered.has(code)),
      []
    )
    const byProvince = new Set(
      (await db.rawQuery('SELECT DISTINCT province_code FROM institutions')).rows.map(
        (r: any) => r.province_code
      )
    )
    assert.deepEqual(
      provinces.filter((code) => !byProvince.has(code)),
      []
    )
    assert.lengthOf(provinces, 31)
  })

  test('the ledger is clean and every order caches what its ledger entries say', async ({
    assert,
  }) => {
    const problems = await ledgerProblems()
    assert.isTrue(isClean(problems), JSON.stringify(problems))
    assert.isTrue(report.ledger?.clean)
    /* Independently of ledgerProblems: paid, released and refunded per order from the entries. */
    const off = await count(`
      WITH moved AS (
        SELECT t.order_id,
               sum(e.amount_fen) FILTER (WHERE t.kind IN ('payment', 'pay_later')) AS paid,
               sum(e.amount_fen) FILTER (WHERE t.kind = 'release') AS released,
               sum(e.amount_fen) FILTER (WHERE t.kind = 'refund_paid') AS refunded
          FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id AND e.amount_fen > 0 GROUP BY t.order_id)
      SELECT count(*) AS n FROM orders o LEFT JOIN moved m ON m.order_id = o.id
       WHERE o.paid_fen <> coalesce(m.paid, 0) OR o.released_fen <> coalesce(m.released, 0) OR o.refunded_fen <> coalesce(m.refunded, 0)`)
    assert.equal(off, 0)
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING count(*) <> 2 OR sum(amount_fen) <> 0) s`
      ),
      0
    )
    /* Every kind of posting occurs, each with its idempotency key. */
    const kinds = (await db.rawQuery('SELECT DISTINCT kind FROM ledger_transactions')).rows.map(
      (r: any) => r.kind
    )
    assert.includeMembers(kinds, ['payment', 'release', 'release_paid', 'refund', 'refund_paid'])
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM ledger_transactions WHERE idempotency_key !~ '^(payment|release|instruction|refund):'`
      ),
      0
    )
    /* The triggers are back on: an unbalanced posting is refused at commit. */
    const enabled = await count(
      `SELECT count(*) AS n FROM pg_trigger WHERE tgrelid IN ('ledger_entries'::regclass, 'ledger_transactions'::regclass) AND NOT tgisinternal AND tgenabled = 'O'`
    )
    assert.equal(enabled, 5)
  })

  test('banks report what the ledger says they hold, but for the planted anomalies', async ({
    assert,
  }) => {
    const mismatched = await count(`
      SELECT count(*) AS n FROM supervised_accounts sa
        JOIN ledger_accounts a ON a.code = 'supervised:' || sa.institution_id
       WHERE sa.reported_balance_fen IS NOT NULL
         AND sa.reported_balance_fen <> a.balance_fen
             + coalesce((SELECT sum(amount_fen) FROM bank_instructions i WHERE i.supervised_account_id = sa.id AND i.status = 'sent'), 0)
             - coalesce((SELECT sum(p.amount_fen) FROM payments p JOIN orders o ON o.id = p.order_id
                          WHERE o.institution_id = sa.institution_id AND o.mode = 'prepaid' AND p.status = 'succeeded' AND p.settled_movement_id IS NULL), 0)
         AND NOT EXISTS (SELECT 1 FROM fund_anomalies f WHERE f.supervised_account_id = sa.id AND f.kind IN ('balance_mismatch', 'instruction_rejected'))`)
    assert.equal(mismatched, 0)
  })

  test('every list status and category occurs, and statuses agree with their reasons', async ({
    assert,
  }) => {
    const statuses = (await db.rawQuery('SELECT DISTINCT list_status FROM institutions')).rows.map(
      (r: any) => r.list_status
    )
    assert.sameMembers(statuses, ['none', 'white', 'grey', 'black'])
    const categories = (
      await db.rawQuery('SELECT DISTINCT unnest(categories) AS c FROM institutions')
    ).rows.map((r: any) => r.c)
    assert.sameMembers(categories, [...CATEGORIES])
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM institutions WHERE list_status = 'grey' AND NOT EXISTS (SELECT 1 FROM inspection_findings f WHERE f.institution_id = institutions.id AND f.status <> 'closed')`
      ),
      0
    )
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM institutions WHERE list_status = 'white' AND EXISTS (SELECT 1 FROM inspection_findings f WHERE f.institution_id = institutions.id AND f.status <> 'closed')`
      ),
      0
    )
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM institutions WHERE list_status IN ('white', 'grey', 'black') AND filing_status <> 'approved'`
      ),
      0
    )
    const findings = (
      await db.rawQuery(`SELECT DISTINCT status FROM inspection_findings`)
    ).rows.map((r: any) => r.status)
    assert.includeMembers(findings, ['open', 'closed'])
    assert.isAbove(
      await count(
        `SELECT count(*) AS n FROM inspection_findings WHERE status <> 'closed' AND deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date`
      ),
      0,
      'some rectifications are overdue'
    )
  })

  test('people and institutions have Chinese names; personal data is sealed by the app', async ({
    assert,
  }) => {
    const names = [
      ...(
        await db.rawQuery(`SELECT display_name AS name FROM users WHERE role = 'parent' LIMIT 200`)
      ).rows,
      ...(await db.rawQuery(`SELECT name FROM staff LIMIT 200`)).rows,
      ...(await db.rawQuery(`SELECT student_name AS name FROM contracts LIMIT 200`)).rows,
      ...(await db.rawQuery(`SELECT legal_rep_name AS name FROM institutions LIMIT 200`)).rows,
    ].map((r: any) => r.name)
    assert.isAbove(names.length, 500)
    assert.deepEqual(
      names.filter((n) => !CHINESE.test(n)),
      []
    )
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM institutions WHERE name !~ '^[\u4e00-\u9fa5]+$' OR address !~ '^[\u4e00-\u9fa5]+[0-9]+号'`
      ),
      0
    )
    const parent = (
      await db.rawQuery(
        `SELECT id, phone_cipher, phone_index, phone_masked FROM users WHERE role = 'parent' ORDER BY id LIMIT 1`
      )
    ).rows[0]
    const phone = benchPhone(Number(parent.id))
    assert.equal(encryption.decrypt(parent.phone_cipher), phone)
    assert.equal(parent.phone_index, encryption.blindIndex(phone, 'phone'))
    assert.equal(parent.phone_masked, `${phone.slice(0, 3)}****${phone.slice(-4)}`)
    const contract = (
      await db.rawQuery(
        `SELECT student_id_cipher, student_id_index, student_id_masked, content, content_sha256 FROM contracts ORDER BY id LIMIT 1`
      )
    ).rows[0]
    const idNumber = encryption.decrypt<string>(contract.student_id_cipher)!
    assert.match(idNumber, /^\d{17}[\dX]$/)
    assert.equal(contract.student_id_index, encryption.blindIndex(idNumber, 'id_number'))
    assert.equal(
      contract.content_sha256,
      createHash('sha256').update(canonical(contract.content)).digest('hex')
    )
    assert.isAbove(contract.content.timetable.length, 0)
  })

  test('contracts carry the timetable the catalog lists for their course', async ({ assert }) => {
    const rows = (
      await db.rawQuery(`SELECT k.content, c.start_date, c.end_date, c.slots, c.minutes_per_class, c.class_count
                                       FROM contracts k JOIN courses c ON c.id = k.course_id ORDER BY k.id LIMIT 50`)
    ).rows
    assert.isAbove(rows.length, 0)
    for (const row of rows) {
      const iso = (d: Date) =>
        new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
      const classes = classMeetings(
        iso(row.start_date),
        iso(row.end_date),
        slotWindows(row.slots, row.minutes_per_class)
      )
      assert.equal(classes.length, row.class_count)
      assert.deepEqual(
        row.content.timetable.map((t: string[]) => t[1]),
        classes.map((c) => c.date)
      )
    }
  })

  test('rollups add up to what the tables hold', async ({ assert }) => {
    const national = async (metric: string) =>
      Number(
        (
          await db.rawQuery(
            `SELECT coalesce(sum(value), 0) AS v FROM stat_rollups WHERE level = 0 AND metric = ?`,
            [metric]
          )
        ).rows[0].v
      )
    assert.equal(await national('complaints'), await count('SELECT count(*) AS n FROM complaints'))
    assert.equal(
      await national('institutions'),
      await count('SELECT count(*) AS n FROM institutions WHERE removed_at IS NULL')
    )
    assert.equal(
      await national('list.black'),
      await count(
        `SELECT count(*) AS n FROM institutions WHERE removed_at IS NULL AND list_status = 'black'`
      )
    )
    assert.equal(
      await national('orders'),
      await count(
        `SELECT count(*) AS n FROM orders WHERE status NOT IN ('awaiting_payment', 'cancelled')`
      )
    )
    assert.equal(
      await national('reviews'),
      await count('SELECT count(*) AS n FROM reviews WHERE hidden_at IS NULL')
    )
    const provinces = Number(
      (
        await db.rawQuery(
          `SELECT coalesce(sum(value), 0) AS v FROM stat_rollups WHERE level = 1 AND metric = 'complaints'`
        )
      ).rows[0].v
    )
    assert.equal(provinces, await national('complaints'))
  })

  test('complaints keep a trail that matches their status', async ({ assert }) => {
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM complaint_steps s WHERE s.complaint_id = c.id AND s.action = 'filed')`
      ),
      0
    )
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM complaints WHERE status IN ('closed', 'withdrawn') AND (closed_at IS NULL OR due_on IS NOT NULL)`
      ),
      0
    )
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM complaints WHERE status NOT IN ('closed', 'withdrawn') AND due_on IS NULL`
      ),
      0
    )
    const statuses = (await db.rawQuery('SELECT DISTINCT status FROM complaints')).rows.map(
      (r: any) => r.status
    )
    assert.includeMembers(statuses, ['closed', 'accepted', 'submitted'])
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM reviews r JOIN orders o ON o.id = r.order_id WHERE o.classes_consumed < 1`
      ),
      0
    )
  })

  test('refuses a database that already has data', async ({ assert }) => {
    await assert.rejects(() => seed({ scale: 'smoke', summaryFile: null }), NotEmptyError as any)
  })
})
