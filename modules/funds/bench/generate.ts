/*
| Benchmark data for the funds module, set-based: every signed contract's
| charges become orders with their payments, the classes already held
| become consumptions, confirmed classes are released, refunds are paid
| back, and every movement of money is a balanced two-leg transaction of
| the double-entry ledger with its idempotency key and links, exactly the
| postings the module's actions make:
|   payment        channel:sandbox → supervised:<inst>   key payment:<payment>
|   release        supervised → releasing                key release:<consumption>
|   release_paid   releasing → institution               key instruction:<instruction>:executed
|   refund         supervised → refunding                key refund:<refund>:approved
|   refund_paid    refunding → channel:sandbox           key refund:<refund>:settled
|   refund_failed  refunding → supervised                key refund:<refund>:settled
|   pay_later      channel:sandbox → institution         key payment:<payment>
| Banks hold one supervised account per approved institution; each
| settled payment is a credit movement and each executed instruction a
| debit, with the running balance the bank reports; a few accounts carry
| open anomalies (a debit without instruction, a rejected instruction).
|
| The snapshot is a moment in a term (rates, of contracts and orders):
|   - a contract's charges are paid as they fall due (no more than a month
|     before their first class), so most contracts have one or two orders;
|   - classes held up to yesterday are recorded: 0.6% disputed, 60%
|     confirmed by the parent within three days, the rest confirmed by
|     silence after 15 working days or still awaiting the parent;
|   - a confirmed class is released at once; the bank executes the
|     instruction within a day (0.03% rejected);
|   - terminated contracts were refunded in full for the classes not
|     taken (before the first class: at once; after: by the institution
|     or by the 5-working-day deadline) and paid back to the channel;
|   - of the active contracts, 0.6% have a refund under way, 0.6% a
|     request awaiting the institution, 0.3% a declined one, 0.2% a
|     withdrawn one, 0.1% one the channel failed to pay back;
|   - 40% of the contracts on "learn first, pay later" courses chose it:
|     one order for the whole course, each taken class paid on its own;
|   - unpaid contracts: 40% have an order awaiting payment, 40% one that
|     lapsed after 30 minutes;
|   - a payment reaches the supervised account 5 minutes to 6 hours after it
|     succeeded.
|
| The ledger's triggers (running balance, append-only, zero-sum at commit)
| would make 20 million postings crawl row by row. They are disabled for
| this load only, inside the load's transaction; the balances and the
| orders' cached totals are then computed set-based, the triggers come
| back on, and `ledgerProblems()` must find nothing (the orchestrator
| proves it after every run).
*/
import { randomBytes } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import { type BulkSession, type CopyValue, uniformSql as u } from '#bench/lib/bulk_load'
import { workingDeadline } from '#kernel/shared/deadlines'
import { toRegionCode } from '#kernel/shared/region_code'
import type { BenchInstitution } from '#modules/registry/bench'
import { fundDeadlines } from '../extension_points.js'

export interface FundsPlan {
  institutions: BenchInstitution[]
  now: string
  today: string
  seed: number
}

export interface GeneratedFunds {
  counts: Record<string, number>
  ordersByStatus: Record<string, number>
  banks: { id: number; name: string; regionCode: string }[]
}

const DAY = 86_400_000
const TABLES = [
  'banks',
  'supervised_accounts',
  'orders',
  'payments',
  'consumptions',
  'refunds',
  'bank_instructions',
  'bank_movements',
  'fund_anomalies',
  'ledger_accounts',
  'ledger_transactions',
  'ledger_entries',
]
const beijingDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)

const REFUND_REASONS = [
  '孩子学业时间冲突，申请退还剩余课时费用',
  '搬家转学，无法继续上课',
  '孩子兴趣转移，不再继续学习',
  '对授课老师不满意，协商退费',
  '机构调整上课时间，无法参加',
]
const DECLINE_REASONS = [
  '所申请课时已按约定安排补课，经沟通家长同意继续上课',
  '申请退费课时与实际消课记录不符，请核对后重新申请',
]

/** Writes every funds table for the contracts the catalog generated, in one transaction. */
export async function generateFunds(
  session: BulkSession,
  plan: FundsPlan
): Promise<GeneratedFunds> {
  const now = `'${plan.now}'::timestamptz`
  const today = `'${plan.today}'::date`
  const seed = plan.seed % 100_000
  const U = (expr: string, salt: number) => u(expr, seed * 100 + salt)
  /* Beijing wall-clock time on a date, as a timestamptz. */
  const at = (date: string, time: string) =>
    `((${date})::timestamp + time '${time}') AT TIME ZONE 'Asia/Shanghai'`
  const least = (expr: string, minutesBeforeNow = 1) =>
    `least(${expr}, ${now} - interval '${minutesBeforeNow} minutes')`
  const counts: Record<string, number> = {}
  const banks: GeneratedFunds['banks'] = []

  await session.withoutIndexes(
    TABLES,
    async () => {
      const x = (sql: string) => session.exec(sql)
      /* The last id of a table before this load (ids written here follow it). */
      const bases = new Map<string, number>()
      const base = async (table: string) => {
        if (!bases.has(table))
          bases.set(
            table,
            Number((await session.query(`SELECT coalesce(max(id), 0) AS id FROM ${table}`))[0].id)
          )
        return bases.get(table)!
      }

      /* Banks and supervised accounts, from the institutions' filings. */
      const bankIds = new Map<string, number>()
      const [{ bank_id: bankStart, account_id: accountStart }] = await session.query(
        'SELECT coalesce((SELECT max(id) FROM banks), 0) + 1 AS bank_id, coalesce((SELECT max(id) FROM supervised_accounts), 0) + 1 AS account_id'
      )
      let accountId = Number(accountStart)
      const bankRows: CopyValue[][] = []
      const accountRows: CopyValue[][] = []
      const nowMs = Date.parse(plan.now)
      for (const inst of plan.institutions) {
        if (inst.filingStatus !== 'approved') continue
        let bankId = bankIds.get(inst.supervisingBank)
        if (!bankId) {
          bankId = Number(bankStart) + bankIds.size
          bankIds.set(inst.supervisingBank, bankId)
          const region = inst.cityCode ?? inst.provinceCode
          banks.push({ id: bankId, name: inst.supervisingBank, regionCode: region })
          bankRows.push([
            bankId,
            inst.supervisingBank,
            region,
            `bk_${randomBytes(12).toString('hex')}`,
            encryption.encrypt(randomBytes(32).toString('base64url')),
            new Date(nowMs - 90 * DAY),
            new Date(nowMs - 1000 * DAY),
          ])
        }
        accountRows.push([
          accountId++,
          inst.id,
          bankId,
          inst.supervisedAccount.replace(/\s+/g, ''),
          inst.escrowModel,
          inst.regionCode,
          inst.provinceCode,
          inst.cityCode,
          inst.countyCode,
          new Date(Date.parse(inst.approvedAt!)),
        ])
      }
      counts.banks = await session.copy(
        'banks',
        [
          'id',
          'name',
          'region_code',
          'api_key',
          'api_secret_cipher',
          'secret_rotated_at',
          'created_at',
        ],
        bankRows
      )
      counts.supervised_accounts = await session.copy(
        'supervised_accounts',
        [
          'id',
          'institution_id',
          'bank_id',
          'account_number',
          'escrow_model',
          'region_code',
          'province_code',
          'city_code',
          'county_code',
          'created_at',
        ],
        accountRows
      )

      /* Deadlines in working days, by province and date, as the module's extension point says. */
      const dueRows: CopyValue[][] = []
      const provinces = [...new Set(plan.institutions.map((i) => i.provinceCode))]
      for (const province of provinces) {
        const d = await fundDeadlines.resolve(toRegionCode(province), {})
        for (let day = -200; day <= 40; day++) {
          const date = beijingDate(nowMs + day * DAY)
          dueRows.push([
            province,
            date,
            workingDeadline(date, d.classConfirmWorkingDays),
            workingDeadline(date, d.refundAnswerWorkingDays),
          ])
        }
      }
      await x(
        `CREATE TEMP TABLE gen_due (province_code char(6), day date, confirm_due date, refund_due date, PRIMARY KEY (province_code, day)) ON COMMIT DROP`
      )
      await session.copy('gen_due', ['province_code', 'day', 'confirm_due', 'refund_due'], dueRows)

      /* Ledger accounts: the channel, and four per supervised account. */
      await x(`
      CREATE TEMP TABLE gen_acct ON COMMIT DROP AS
      SELECT sa.institution_id, sa.id AS account_id, sa.bank_id, b.base + 4 * (row_number() OVER (ORDER BY sa.institution_id) - 1) AS supervised
        FROM supervised_accounts sa, (SELECT coalesce(max(id), 0) + 1 AS base FROM ledger_accounts) b`)
      await x(`CREATE UNIQUE INDEX ON gen_acct (institution_id)`)
      await x(`INSERT INTO ledger_accounts (id, code, kind, institution_id, balance_fen, non_negative, created_at)
             SELECT (SELECT coalesce(max(id), 0) + 1 FROM ledger_accounts) + 4 * (SELECT count(*) FROM gen_acct), 'channel:sandbox', 'channel', NULL, 0, false, ${now} - interval '1000 days'
             WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts WHERE code = 'channel:sandbox')`)
      await x(`INSERT INTO ledger_accounts (id, code, kind, institution_id, balance_fen, non_negative, created_at)
             SELECT a.supervised + k.n, k.kind || ':' || a.institution_id, k.kind, a.institution_id, 0, true, sa.created_at
               FROM gen_acct a JOIN supervised_accounts sa ON sa.id = a.account_id
               CROSS JOIN (VALUES (0, 'supervised'), (1, 'releasing'), (2, 'refunding'), (3, 'institution')) AS k(n, kind)`)
      const [{ id: channelAccount }] = await session.query(
        `SELECT id FROM ledger_accounts WHERE code = 'channel:sandbox'`
      )

      /* The dates of a course's classes: weekly offsets from the start date (the same list classMeetings makes). */
      await x(`CREATE OR REPLACE FUNCTION pg_temp.class_date(s date, offs int[], n int) RETURNS date LANGUAGE sql IMMUTABLE AS
             $$ SELECT s + 7 * ((n - 1) / cardinality(offs)) + offs[((n - 1) % cardinality(offs)) + 1] $$`)
      await x(`CREATE OR REPLACE FUNCTION pg_temp.classes_by(s date, offs int[], cc int, d date) RETURNS int LANGUAGE sql IMMUTABLE AS
             $$ SELECT CASE WHEN d < s THEN 0 ELSE least(cc, cardinality(offs) * ((d - s) / 7) + (SELECT count(*)::int FROM unnest(offs) o WHERE o <= (d - s) % 7)) END $$`)
      await x(`
      CREATE TEMP TABLE gen_course ON COMMIT DROP AS
      SELECT c.id, c.start_date, c.class_count, c.price_per_class_fen AS price, least(c.classes_per_charge, c.class_count) AS cpc, c.pay_after_class,
             array_agg(((s.wd - extract(isodow FROM c.start_date)::int + 7) % 7) ORDER BY ((s.wd - extract(isodow FROM c.start_date)::int + 7) % 7), s.st) AS offs
        FROM courses c
        CROSS JOIN LATERAL (SELECT (e->>'weekday')::int AS wd, e->>'start' AS st FROM jsonb_array_elements(c.slots) e) s
       WHERE c.status IN ('on_sale', 'taken_down')
       GROUP BY c.id`)
      await x(`ALTER TABLE gen_course ADD PRIMARY KEY (id)`)

      /* Contracts with how their story goes: paid right after signing, the moment the parent quit (terminated), pay-later or not. */
      await x(`
      CREATE TEMP TABLE gen_contract ON COMMIT DROP AS
      SELECT s.*, CASE WHEN s.status = 'terminated' THEN least(greatest(s.quit_raw, s.paid1 + interval '1 minute'), ${now} - interval '1 minute') END AS quit_at
        FROM (SELECT k.id, k.course_id, k.institution_id, k.parent_user_id, k.region_code, k.province_code, k.city_code, k.county_code, k.status, k.signed_at,
                     c.start_date, c.offs, c.class_count, c.cpc, c.price, a.account_id, a.bank_id, a.supervised AS acct,
                     (c.pay_after_class AND k.status IN ('active', 'completed') AND ${U('k.id', 1)} < 0.4) AS pay_later,
                     ${least(`k.signed_at + interval '2 minutes' + interval '58 minutes' * ${U('k.id', 4)}`, 3)} AS paid1,
                     k.signed_at + (greatest(${now} - interval '2 days' - k.signed_at, interval '2 hours')) * ${U('k.id', 2)} AS quit_raw,
                     ${U('k.id', 3)} AS fate
                FROM contracts k JOIN gen_course c ON c.id = k.course_id JOIN gen_acct a ON a.institution_id = k.institution_id
               WHERE NOT (k.status = 'signed' AND ${U('k.id', 3)} >= 0.8)) s`)

      /*
    | Orders: one per charge that has fallen due and been paid (a charge is
    | paid as soon as the rules allow, a month before its first class, give
    | or take a week), the whole course for pay-later, one unpaid try for
    | unpaid contracts. Ids follow the time orders were made.
    */
      await x(`
      CREATE TEMP TABLE gen_order ON COMMIT DROP AS
      SELECT ${await base('orders')} + row_number() OVER (ORDER BY o.created_at, o.id, o.charge_no) AS order_id,
             'O' || to_char(o.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS') || lpad(((${await base('orders')} + row_number() OVER (ORDER BY o.created_at, o.id, o.charge_no)) * 48271 % 100000000)::text, 8, '0') AS order_no,
             o.*,
             CASE WHEN o.status = 'signed' THEN 0
                  WHEN o.status = 'completed' THEN o.n_classes
                  ELSE greatest(0, least(o.n_classes, pg_temp.classes_by(o.start_date, o.offs, o.class_count,
                         CASE WHEN o.status = 'terminated' THEN (o.quit_at AT TIME ZONE 'Asia/Shanghai')::date - 1 ELSE ${today} - 1 END) - (o.first_class - 1)))
             END AS held_n
        FROM (SELECT p.*,
                     CASE WHEN p.status <> 'signed' THEN p.paid_at - interval '1 minute' * (1 + 9 * ${U('p.id * 8 + p.charge_no', 6)})
                          WHEN p.fate < 0.4 THEN ${now} - interval '1 minute' * (1 + 24 * ${U('p.id', 7)})
                          ELSE least(p.signed_at + interval '1 minute' * (1 + 59 * ${U('p.id', 7)}), ${now} - interval '41 minutes') END AS created_at
                FROM (SELECT g.id, g.course_id, g.institution_id, g.parent_user_id, g.region_code, g.province_code, g.city_code, g.county_code, g.status, g.signed_at,
                             g.start_date, g.offs, g.class_count, g.price, g.account_id, g.bank_id, g.acct, g.pay_later, g.quit_at, g.fate, ch.k AS charge_no,
                             CASE WHEN g.pay_later THEN 1 ELSE (ch.k - 1) * g.cpc + 1 END AS first_class,
                             CASE WHEN g.pay_later THEN g.class_count ELSE least(g.cpc, g.class_count - (ch.k - 1) * g.cpc) END AS n_classes,
                             CASE WHEN g.status = 'signed' THEN NULL
                                  WHEN ch.k = 1 THEN g.paid1
                                  ELSE greatest(g.signed_at + interval '1 hour' * ch.k,
                                                ${at('pg_temp.class_date(g.start_date, g.offs, (ch.k - 1) * g.cpc + 1)', '09:00')} - interval '30 days' + interval '7 days' * ${U('g.id * 8 + ch.k', 5)})
                             END AS paid_at
                        FROM gen_contract g
                        CROSS JOIN LATERAL generate_series(1, CASE WHEN g.pay_later OR g.status = 'signed' THEN 1 ELSE ceil(g.class_count::numeric / g.cpc)::int END) AS ch(k)) p
               WHERE p.charge_no = 1 OR (p.paid_at <= ${now} - interval '5 minutes' AND (p.status <> 'terminated' OR p.paid_at <= p.quit_at))) o`)
      await x(`CREATE UNIQUE INDEX ON gen_order (order_id)`)
      await x(`ANALYZE gen_order`)

      /* Classes held: recorded, answered by the parent or by silence, released, and paid out by the bank the next day. */
      await x(`
      CREATE TEMP TABLE gen_consumption ON COMMIT DROP AS
      SELECT r.*,
             CASE WHEN r.released_at IS NULL OR r.mode = 'pay_later' THEN NULL WHEN r.released_at > ${now} - interval '1 day' THEN 'sent' WHEN r.r2 < 0.0003 THEN 'rejected' ELSE 'executed' END AS instr_status,
             CASE WHEN r.mode = 'prepaid' AND r.released_at <= ${now} - interval '1 day' AND r.r2 >= 0.0003 THEN ${least(`r.released_at + interval '1 hour' * (1 + 19 * ${U('r.cons_id', 14)})`)} END AS executed_at
        FROM (SELECT d.*, CASE WHEN d.status IN ('confirmed', 'auto_confirmed') THEN d.decided_at + CASE WHEN d.mode = 'prepaid' THEN interval '2 seconds' ELSE interval '0' END END AS released_at
                FROM (SELECT ${await base('consumptions')} + row_number() OVER (ORDER BY c.held_on, c.order_id, c.class_no) AS cons_id, c.*,
                             ${least(at('c.held_on', '20:30'))} AS recorded_at,
                             CASE c.status WHEN 'confirmed' THEN ${least(`CASE WHEN c.mode = 'pay_later' THEN ${at('c.held_on', '21:00')} ELSE c.answered END`)}
                                           WHEN 'auto_confirmed' THEN ${least(at('c.confirm_due + 1', '00:10'))}
                                           WHEN 'disputed' THEN ${least(at('c.held_on + 1', '19:00'))} END AS decided_at
                        FROM (SELECT s.*,
                                     CASE WHEN s.mode = 'pay_later' THEN 'confirmed'
                                          WHEN s.r < 0.006 THEN 'disputed'
                                          WHEN s.r < 0.6 AND s.answered <= ${now} - interval '1 minute' THEN 'confirmed'
                                          WHEN s.confirm_due < ${today} THEN 'auto_confirmed'
                                          ELSE 'pending' END AS status
                                FROM (SELECT o.order_id, o.order_no, o.id AS contract_id, o.institution_id, o.account_id, o.bank_id, o.acct, CASE WHEN o.pay_later THEN 'pay_later' ELSE 'prepaid' END AS mode,
                                             n AS class_no, h.held_on, o.price AS fee, d.confirm_due,
                                             ${U('o.order_id * 64 + n', 11)} AS r, ${U('o.order_id * 64 + n', 12)} AS r2,
                                             ${at('h.held_on', '20:30')} + interval '72 hours' * ${U('o.order_id * 64 + n', 13)} AS answered
                                        FROM gen_order o
                                        CROSS JOIN LATERAL generate_series(o.first_class, o.first_class + o.held_n - 1) AS n
                                        CROSS JOIN LATERAL (SELECT pg_temp.class_date(o.start_date, o.offs, n) AS held_on) h
                                        LEFT JOIN gen_due d ON d.province_code = o.province_code AND d.day = h.held_on
                                       WHERE o.held_n > 0) s) c) d) r`)
      await x(`ANALYZE gen_consumption`)

      /* Per order: what was taken and released; per contract: when its first class was recorded. */
      await x(`
      CREATE TEMP TABLE gen_taken ON COMMIT DROP AS
      SELECT order_id, count(*) FILTER (WHERE status <> 'disputed') AS consumed,
             coalesce(sum(fee) FILTER (WHERE released_at IS NOT NULL AND mode = 'prepaid'), 0) AS released_fen,
             coalesce(sum(fee) FILTER (WHERE mode = 'pay_later' AND status = 'confirmed'), 0) AS paid_later_fen,
             max(coalesce(executed_at, released_at, decided_at, recorded_at)) AS last_at
        FROM gen_consumption GROUP BY order_id`)
      await x(`ALTER TABLE gen_taken ADD PRIMARY KEY (order_id)`)
      await x(
        `CREATE TEMP TABLE gen_first_class ON COMMIT DROP AS SELECT contract_id, min(recorded_at) AS first_recorded FROM gen_consumption WHERE status <> 'disputed' GROUP BY contract_id`
      )
      await x(`ALTER TABLE gen_first_class ADD PRIMARY KEY (contract_id)`)

      /*
    | Refunds: terminated contracts get back every class not taken (before
    | the first class at once; after it, the institution or the 5-working-day
    | deadline approves); some active contracts have a refund in some state.
    | Before the first class a refund needs nobody: it is never left waiting,
    | declined or withdrawn.
    */
      await x(`
      CREATE TEMP TABLE gen_refund ON COMMIT DROP AS
      SELECT ${await base('refunds')} + row_number() OVER (ORDER BY f.requested_at, f.order_id) AS refund_id,
             'R' || to_char(f.requested_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS') || lpad(((${await base('refunds')} + row_number() OVER (ORDER BY f.requested_at, f.order_id)) * 48271 % 100000000)::text, 8, '0') AS refund_no,
             f.*, d.refund_due AS answer_due,
             CASE WHEN f.status NOT IN ('refunding', 'refunded', 'failed') THEN NULL WHEN NOT f.started THEN 'before_start' WHEN f.status = 'refunded' AND f.r < 0.3 THEN 'deadline' ELSE 'institution' END AS approved_by
        FROM (SELECT e.order_id, e.contract_id, e.parent_user_id, e.institution_id, e.province_code, e.price, e.account_id, e.bank_id, e.acct, e.paid_at, e.classes, e.requested_at, e.started, e.r,
                     CASE WHEN NOT e.started AND e.status IN ('requested', 'declined', 'withdrawn') THEN 'refunding' ELSE e.status END AS status
                FROM (SELECT o.order_id, o.id AS contract_id, o.parent_user_id, o.institution_id, o.province_code, o.price, o.account_id, o.bank_id, o.acct, o.paid_at,
                             o.n_classes - coalesce(t.consumed, 0) AS classes, q.requested_at, coalesce(fc.first_recorded <= q.requested_at, false) AS started,
                             ${U('o.order_id', 22)} AS r,
                             CASE WHEN o.status = 'terminated' THEN 'refunded' WHEN v.v < 0.006 THEN 'refunding' WHEN v.v < 0.012 THEN 'requested'
                                  WHEN v.v < 0.015 THEN 'declined' WHEN v.v < 0.017 THEN 'withdrawn' ELSE 'failed' END AS status
                        FROM gen_order o
                        LEFT JOIN gen_taken t ON t.order_id = o.order_id
                        LEFT JOIN gen_first_class fc ON fc.contract_id = o.id
                        LEFT JOIN (SELECT id, max(charge_no) AS last_charge FROM gen_order WHERE status = 'active' GROUP BY id) lc ON lc.id = o.id
                        CROSS JOIN LATERAL (SELECT ${U('o.id', 20)} AS v) v
                        CROSS JOIN LATERAL (SELECT CASE WHEN o.status = 'terminated' THEN greatest(o.quit_at, o.paid_at + interval '1 minute')
                                                        ELSE greatest(o.paid_at + interval '5 minutes', ${now} - interval '1 hour' * (2 + 94 * ${U('o.order_id', 21)})) END AS requested_at) q
                       WHERE o.status <> 'signed' AND NOT o.pay_later AND o.n_classes - coalesce(t.consumed, 0) > 0
                         AND (o.status = 'terminated' OR (o.status = 'active' AND v.v < 0.018 AND o.charge_no = lc.last_charge))) e
               WHERE e.started OR e.status NOT IN ('requested', 'declined', 'withdrawn') OR e.r < 0.5) f
        LEFT JOIN gen_due d ON d.province_code = f.province_code AND d.day = (f.requested_at AT TIME ZONE 'Asia/Shanghai')::date`)
      await x(
        `ALTER TABLE gen_refund ADD COLUMN decided_at timestamptz, ADD COLUMN refunded_at timestamptz, ADD COLUMN instr_status text, ADD COLUMN executed_at timestamptz`
      )
      await x(`UPDATE gen_refund SET decided_at = CASE
               WHEN status = 'requested' THEN NULL
               WHEN approved_by = 'before_start' THEN requested_at
               WHEN approved_by = 'deadline' THEN greatest(requested_at, ${least(at('coalesce(answer_due, (requested_at)::date + 7) + 1', '00:20'), 30)})
               ELSE greatest(requested_at, ${least(`requested_at + interval '1 hour' * (1 + 100 * r)`, 30)}) END`)
      await x(`UPDATE gen_refund SET refunded_at = CASE WHEN status IN ('refunded', 'failed') THEN greatest(decided_at, ${least(`decided_at + interval '10 minutes' + interval '30 hours' * r`, 10)}) END,
                                   instr_status = CASE WHEN status = 'refunded' THEN 'executed' WHEN status = 'refunding' THEN (CASE WHEN r < 0.5 THEN 'sent' ELSE 'executed' END) WHEN status = 'failed' THEN 'rejected' END`)
      await x(
        `UPDATE gen_refund SET executed_at = CASE WHEN status = 'refunded' THEN greatest(decided_at, refunded_at - interval '5 minutes') WHEN instr_status = 'executed' THEN greatest(decided_at, ${least(`decided_at + interval '20 minutes'`, 5)}) END`
      )
      await x(`
      CREATE TEMP TABLE gen_refund_by_order ON COMMIT DROP AS
      SELECT order_id,
             coalesce(sum(classes * price) FILTER (WHERE status = 'refunding'), 0) AS refunding,
             coalesce(sum(classes * price) FILTER (WHERE status = 'refunded'), 0) AS refunded_fen,
             coalesce(sum(classes) FILTER (WHERE status IN ('refunding', 'refunded')), 0) AS refunded_classes,
             max(refunded_at) AS refunded_at, max(decided_at) AS decided_at
        FROM gen_refund GROUP BY order_id`)
      await x(`ALTER TABLE gen_refund_by_order ADD PRIMARY KEY (order_id)`)

      /* Orders, with totals cached from what happened to them (the ledger below says the same). */
      counts.orders = await x(`
      INSERT INTO orders (id, number, contract_id, course_id, institution_id, parent_user_id, region_code, province_code, city_code, county_code, mode, charge_no, first_class, class_count,
                          price_per_class_fen, amount_fen, status, provider, expires_at, paid_at, closed_at, paid_fen, released_fen, refunding_fen, refunded_fen, classes_consumed, classes_refunded, created_at, updated_at)
      SELECT s.order_id, s.order_no, s.id, s.course_id, s.institution_id, s.parent_user_id, s.region_code, s.province_code, s.city_code, s.county_code, s.mode, s.charge_no, s.first_class, s.n_classes,
             s.price, s.n_classes * s.price,
             CASE WHEN s.status = 'signed' THEN (CASE WHEN s.fate < 0.4 THEN 'awaiting_payment' ELSE 'cancelled' END)
                  WHEN s.refunding > 0 THEN 'refunding'
                  WHEN s.refunded_classes = s.n_classes THEN 'refunded'
                  WHEN s.consumed + s.refunded_classes = s.n_classes THEN 'completed'
                  WHEN s.mode = 'pay_later' OR s.consumed > 0 OR s.refunded_classes > 0 THEN 'in_progress'
                  ELSE 'paid' END,
             'sandbox',
             CASE WHEN s.status = 'signed' THEN s.created_at + interval '30 minutes' END,
             CASE WHEN s.mode = 'prepaid' THEN s.paid_at END,
             s.closed_at,
             s.paid_fen, s.released_fen, s.refunding, s.refunded_fen, s.consumed, s.refunded_classes, s.created_at,
             greatest(s.created_at, s.paid_at, s.last_at, s.refunded_at, s.decided_at, s.closed_at)
        FROM (SELECT o.*, CASE WHEN o.pay_later THEN 'pay_later' ELSE 'prepaid' END AS mode,
                     coalesce(t.consumed, 0) AS consumed, coalesce(t.released_fen, 0) AS released_fen, t.last_at,
                     CASE WHEN o.status = 'signed' THEN 0 WHEN o.pay_later THEN coalesce(t.paid_later_fen, 0) ELSE o.n_classes * o.price END AS paid_fen,
                     coalesce(f.refunding, 0) AS refunding, coalesce(f.refunded_fen, 0) AS refunded_fen, coalesce(f.refunded_classes, 0) AS refunded_classes,
                     f.refunded_at, f.decided_at,
                     CASE WHEN o.status = 'signed' AND o.fate >= 0.4 THEN o.created_at + interval '30 minutes'
                          WHEN o.status <> 'signed' AND coalesce(f.refunding, 0) = 0 AND coalesce(t.consumed, 0) + coalesce(f.refunded_classes, 0) = o.n_classes
                          THEN greatest(o.paid_at, t.last_at, f.refunded_at) END AS closed_at
                FROM gen_order o LEFT JOIN gen_taken t ON t.order_id = o.order_id LEFT JOIN gen_refund_by_order f ON f.order_id = o.order_id) s`)

      /* Payments: one per paid prepaid order (reaching the supervised account 5 minutes to 6 hours later), one per paid class of pay-later orders, a pending or closed try for unpaid ones. */
      await x(`
      CREATE TEMP TABLE gen_payment ON COMMIT DROP AS
      SELECT p.*, 'P' || to_char(p.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS') || lpad((p.payment_id * 48271 % 100000000)::text, 8, '0') AS payment_no,
             CASE WHEN p.consumption_id IS NULL AND p.status = 'succeeded' AND p.settle_at <= ${now} - interval '1 minute' THEN p.settle_at END AS settled_at
        FROM (SELECT ${await base('payments')} + row_number() OVER (ORDER BY q.created_at, q.order_id, q.consumption_id NULLS FIRST) AS payment_id, q.*,
                     q.succeeded_at + interval '5 minutes' + interval '355 minutes' * ${U('q.order_id * 64 + coalesce(q.consumption_id, 0) % 64', 31)} AS settle_at
                FROM (SELECT o.order_id, NULL::bigint AS consumption_id, o.n_classes * o.price AS amount,
                             CASE WHEN o.status <> 'signed' THEN 'succeeded' WHEN o.fate < 0.4 THEN 'pending' ELSE 'closed' END AS status,
                             CASE WHEN o.status <> 'signed' THEN o.paid_at - interval '1 second' * (10 + 110 * ${U('o.order_id', 30)}) ELSE o.created_at + interval '20 seconds' END AS created_at,
                             o.paid_at AS succeeded_at, o.account_id, o.bank_id, o.acct, o.order_no
                        FROM gen_order o
                       WHERE NOT o.pay_later AND (o.status <> 'signed' OR o.fate < 0.6)
                      UNION ALL
                      SELECT c.order_id, c.cons_id, c.fee, 'succeeded', c.decided_at - interval '30 seconds', c.decided_at, c.account_id, c.bank_id, c.acct, c.order_no
                        FROM gen_consumption c WHERE c.mode = 'pay_later' AND c.status = 'confirmed') q) p`)

      /* Bank instructions: one per released class, one per approved refund. */
      await x(`
      CREATE TEMP TABLE gen_instr ON COMMIT DROP AS
      SELECT i.*, 'I' || to_char(i.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS') || lpad((i.instr_id * 48271 % 100000000)::text, 8, '0') AS instr_no
        FROM (SELECT ${await base('bank_instructions')} + row_number() OVER (ORDER BY u.created_at, u.kind, u.src) AS instr_id, u.*
                FROM (SELECT 'release' AS kind, c.cons_id AS src, c.bank_id, c.account_id, c.acct, c.fee AS amount, c.order_id, c.cons_id AS consumption_id, NULL::bigint AS refund_id,
                             c.instr_status AS status, c.released_at AS created_at, c.executed_at, c.class_no
                        FROM gen_consumption c WHERE c.mode = 'prepaid' AND c.released_at IS NOT NULL
                      UNION ALL
                      SELECT 'refund', f.refund_id, f.bank_id, f.account_id, f.acct, f.classes * f.price, f.order_id, NULL, f.refund_id, f.instr_status, f.decided_at, f.executed_at, NULL
                        FROM gen_refund f WHERE f.status IN ('refunding', 'refunded', 'failed')) u) i`)

      /* Bank movements: a credit per settled payment, a debit per executed instruction; ids follow time. */
      await x(`
      CREATE TEMP TABLE gen_move ON COMMIT DROP AS
      SELECT ${await base('bank_movements')} + row_number() OVER (ORDER BY m.occurred_at, m.direction, m.src) AS move_id, m.*
        FROM (SELECT 'credit' AS direction, p.payment_id AS src, p.bank_id, p.account_id, p.amount, p.payment_id, NULL::bigint AS instr_id, p.settled_at AS occurred_at, p.payment_no AS reference
                FROM gen_payment p WHERE p.settled_at IS NOT NULL
              UNION ALL
              SELECT 'debit', i.instr_id, i.bank_id, i.account_id, i.amount, NULL, i.instr_id, i.executed_at, i.instr_no
                FROM gen_instr i WHERE i.status = 'executed') m`)

      counts.payments = await x(`
      INSERT INTO payments (id, number, order_id, consumption_id, provider, amount_fen, status, provider_txn_id, pay_url, succeeded_at, settled_movement_id, created_at, updated_at)
      SELECT p.payment_id, p.payment_no, p.order_id, p.consumption_id, 'sandbox', p.amount, p.status,
             CASE WHEN p.status = 'succeeded' THEN 'SBX' || lpad(p.payment_id::text, 12, '0') END,
             CASE WHEN p.status = 'pending' THEN 'http://127.0.0.1:3340/cashier/' || p.payment_no END,
             p.succeeded_at, m.move_id, p.created_at, greatest(p.created_at, p.succeeded_at, m.occurred_at)
        FROM gen_payment p LEFT JOIN gen_move m ON m.payment_id = p.payment_id`)

      counts.consumptions = await x(`
      INSERT INTO consumptions (id, order_id, contract_id, institution_id, class_no, held_on, fee_fen, status, confirm_due_on, dispute_reason, recorded_by, decided_at, released_at, released_fen, created_at, updated_at)
      SELECT c.cons_id, c.order_id, c.contract_id, c.institution_id, c.class_no, c.held_on, c.fee, c.status, coalesce(c.confirm_due, c.held_on + 21),
             CASE WHEN c.status = 'disputed' THEN '孩子当天请假未到课，机构记录有误' END, NULL, c.decided_at, c.released_at,
             CASE WHEN c.released_at IS NOT NULL THEN c.fee ELSE 0 END, c.recorded_at,
             greatest(c.recorded_at, c.decided_at, c.released_at)
        FROM gen_consumption c`)

      counts.refunds = await x(`
      INSERT INTO refunds (id, number, order_id, parent_user_id, institution_id, class_count, amount_fen, reason, status, approved_by, decision_reason, answer_due_on, decided_by, decided_at, refunded_at, failure_reason, created_at, updated_at)
      SELECT f.refund_id, f.refund_no, f.order_id, f.parent_user_id, f.institution_id, f.classes, f.classes * f.price,
             (ARRAY[${REFUND_REASONS.map((r) => `'${r}'`).join(', ')}])[1 + floor(f.r * ${REFUND_REASONS.length})::int],
             f.status, f.approved_by,
             CASE WHEN f.status = 'declined' THEN (ARRAY[${DECLINE_REASONS.map((r) => `'${r}'`).join(', ')}])[1 + floor(f.r * ${DECLINE_REASONS.length})::int]
                  WHEN f.approved_by = 'deadline' THEN '机构逾期未答复，视为同意' END,
             coalesce(f.answer_due, (f.requested_at)::date + 7), NULL,
             CASE WHEN f.status = 'withdrawn' THEN ${least(`f.requested_at + interval '1 day'`, 20)} ELSE f.decided_at END,
             CASE WHEN f.status = 'refunded' THEN f.refunded_at END,
             CASE WHEN f.status = 'failed' THEN '原路退回失败：原支付账户已注销' END,
             f.requested_at, greatest(f.requested_at, f.decided_at, f.refunded_at)
        FROM gen_refund f`)

      counts.bank_instructions = await x(`
      INSERT INTO bank_instructions (id, number, bank_id, supervised_account_id, kind, amount_fen, order_id, consumption_id, refund_id, status, movement_id, reject_reason, created_at, executed_at)
      SELECT i.instr_id, i.instr_no, i.bank_id, i.account_id, i.kind, i.amount, i.order_id, i.consumption_id, i.refund_id, i.status, m.move_id,
             CASE WHEN i.status = 'rejected' THEN (CASE WHEN i.kind = 'refund' THEN '原路退回失败，指令撤销' ELSE '账户余额核对不一致，暂缓拨付' END) END,
             i.created_at, CASE WHEN i.status = 'executed' THEN i.executed_at END
        FROM gen_instr i LEFT JOIN gen_move m ON m.instr_id = i.instr_id`)

      /* A few accounts lost money without an instruction (the bank's report is the evidence); added last on their account. */
      await x(`
      CREATE TEMP TABLE gen_unmatched ON COMMIT DROP AS
      SELECT b.account_id, b.bank_id, least(b.balance, 50000 + (${U('b.account_id', 40)} * 150000)::bigint) AS amount,
             greatest(${least(`b.last_at + interval '3 hours'`, 2)}, b.last_at + interval '1 minute') AS occurred_at
        FROM (SELECT account_id, bank_id, sum(CASE WHEN direction = 'credit' THEN amount ELSE -amount END) AS balance, max(occurred_at) AS last_at FROM gen_move GROUP BY account_id, bank_id) b
       WHERE b.balance > 10000 AND ${U('b.account_id', 41)} < 0.0008`)
      await x(`
      INSERT INTO gen_move (move_id, direction, src, bank_id, account_id, amount, payment_id, instr_id, occurred_at, reference)
      SELECT (SELECT max(move_id) FROM gen_move) + row_number() OVER (ORDER BY account_id), 'debit', 0, bank_id, account_id, amount, NULL, NULL, occurred_at, 'ZZ' || lpad(account_id::text, 10, '0')
        FROM gen_unmatched u`)
      counts.bank_movements = await x(`
      INSERT INTO bank_movements (id, bank_id, supervised_account_id, bank_txn_id, direction, amount_fen, balance_after_fen, reference, payment_id, instruction_id, occurred_at, created_at)
      SELECT m.move_id, m.bank_id, m.account_id, 'BK' || lpad(m.move_id::text, 14, '0'), m.direction, m.amount,
             sum(CASE WHEN m.direction = 'credit' THEN m.amount ELSE -m.amount END) OVER (PARTITION BY m.account_id ORDER BY m.occurred_at, m.move_id),
             m.reference, m.payment_id, m.instr_id, m.occurred_at, m.occurred_at + interval '1 second' * (1 + 59 * ${U('m.move_id', 42)})
        FROM gen_move m`)

      /* The ledger: every posting above, in time order, two legs each (legs in account-code order, as post() writes them). */
      const [{ txn_base: txnBase, entry_base: entryBase }] = await session.query(
        'SELECT coalesce((SELECT max(id) FROM ledger_transactions), 0) AS txn_base, coalesce((SELECT max(id) FROM ledger_entries), 0) AS entry_base'
      )
      await x(`
      CREATE TEMP TABLE gen_txn ON COMMIT DROP AS
      SELECT ${txnBase} + row_number() OVER (ORDER BY t.created_at, t.key) AS txn_id, t.*
        FROM (SELECT 'payment' AS kind, 'payment:' || p.payment_id AS key, '订单 ' || p.order_no || ' 预收费入监管账户' AS memo, p.succeeded_at AS created_at, p.order_id,
                     NULL::bigint AS consumption_id, NULL::bigint AS refund_id, p.payment_id, NULL::bigint AS instruction_id, NULL::bigint AS movement_id,
                     ${channelAccount}::bigint AS from_acct, p.acct AS to_acct, p.amount, true AS from_first
                FROM gen_payment p WHERE p.status = 'succeeded' AND p.consumption_id IS NULL
              UNION ALL
              SELECT 'pay_later', 'payment:' || p.payment_id, '先学后付 ' || p.order_no || ' 课次付款', p.succeeded_at, p.order_id, p.consumption_id, NULL, p.payment_id, NULL, NULL,
                     ${channelAccount}, p.acct + 3, p.amount, true
                FROM gen_payment p WHERE p.consumption_id IS NOT NULL
              UNION ALL
              SELECT 'release', 'release:' || i.consumption_id, '第 ' || i.class_no || ' 课次消课，释放课时费', i.created_at, i.order_id, i.consumption_id, NULL, NULL, i.instr_id, NULL,
                     i.acct, i.acct + 1, i.amount, false
                FROM gen_instr i WHERE i.kind = 'release'
              UNION ALL
              SELECT 'release_paid', 'instruction:' || i.instr_id || ':executed', '银行按指令 ' || i.instr_no || ' 向机构拨付课时费', i.executed_at, i.order_id, i.consumption_id, NULL, NULL, i.instr_id, m.move_id,
                     i.acct + 1, i.acct + 3, i.amount, false
                FROM gen_instr i JOIN gen_move m ON m.instr_id = i.instr_id WHERE i.kind = 'release'
              UNION ALL
              SELECT 'refund', 'refund:' || f.refund_id || ':approved', '退费 ' || f.refund_no || '：' || f.classes || ' 课时未消费用', f.decided_at, f.order_id, NULL, f.refund_id, NULL, i.instr_id, NULL,
                     f.acct, f.acct + 2, f.classes * f.price, false
                FROM gen_refund f JOIN gen_instr i ON i.kind = 'refund' AND i.src = f.refund_id
              UNION ALL
              SELECT CASE WHEN f.status = 'refunded' THEN 'refund_paid' ELSE 'refund_failed' END, 'refund:' || f.refund_id || ':settled',
                     CASE WHEN f.status = 'refunded' THEN '退费 ' || f.refund_no || ' 原路退回' ELSE '退费 ' || f.refund_no || ' 渠道退回失败，款项回到监管账户' END,
                     f.refunded_at, f.order_id, NULL, f.refund_id, NULL, NULL, NULL,
                     f.acct + 2, CASE WHEN f.status = 'refunded' THEN ${channelAccount} ELSE f.acct END, f.classes * f.price, f.status <> 'refunded'
                FROM gen_refund f WHERE f.status IN ('refunded', 'failed')) t`)
      counts.ledger_transactions = await x(`
      INSERT INTO ledger_transactions (id, kind, idempotency_key, order_id, consumption_id, refund_id, payment_id, instruction_id, bank_movement_id, reverses_id, memo, created_at)
      SELECT txn_id, kind, key, order_id, consumption_id, refund_id, payment_id, instruction_id, movement_id, NULL, memo, created_at FROM gen_txn`)
      counts.ledger_entries = await x(`
      INSERT INTO ledger_entries (id, transaction_id, account_id, amount_fen, order_id, created_at)
      SELECT ${entryBase} + 2 * (t.txn_id - ${txnBase}) - 2 + leg.n, t.txn_id,
             CASE WHEN (leg.n = 1) = t.from_first THEN t.from_acct ELSE t.to_acct END,
             CASE WHEN (leg.n = 1) = t.from_first THEN -t.amount ELSE t.amount END,
             t.order_id, t.created_at
        FROM gen_txn t CROSS JOIN (VALUES (1), (2)) AS leg(n)`)

      /* Running balances, set-based (the trigger that keeps them per posting is off during the load). */
      await x(
        `UPDATE ledger_accounts a SET balance_fen = s.total FROM (SELECT account_id, sum(amount_fen) AS total FROM ledger_entries GROUP BY account_id) s WHERE s.account_id = a.id`
      )

      /* What the banks last reported, and the night's reconciliation having run. */
      await x(`
      UPDATE supervised_accounts sa SET reported_balance_fen = b.balance_after_fen, reported_at = b.occurred_at, reconciled_at = ${now} - interval '1 hour' * (3 + 5 * ${U('sa.id', 43)})
        FROM (SELECT DISTINCT ON (supervised_account_id) supervised_account_id, balance_after_fen, occurred_at FROM bank_movements ORDER BY supervised_account_id, occurred_at DESC, id DESC) b
       WHERE b.supervised_account_id = sa.id`)

      /* Anomalies: the unmatched debits (and the mismatch they cause), rejected instructions, and some closed history. */
      const anomaly = (
        kind: string,
        severity: string,
        evidence: string,
        fingerprint: string,
        status: string,
        detected: string,
        from: string
      ) => `
      INSERT INTO fund_anomalies (supervised_account_id, institution_id, bank_id, region_code, province_code, city_code, county_code, kind, severity, evidence, fingerprint, status, detected_at, closed_at, close_note)
      SELECT sa.id, sa.institution_id, sa.bank_id, sa.region_code, sa.province_code, sa.city_code, sa.county_code, '${kind}', '${severity}', ${evidence}, ${fingerprint}, ${status}, ${detected},
             CASE WHEN ${status} = 'closed' THEN ${detected} + interval '2 days' END, CASE WHEN ${status} = 'closed' THEN '经核实已处理，银行已说明情况' END
        ${from}`
      counts.fund_anomalies = await x(
        anomaly(
          'unmatched_debit',
          'red',
          `jsonb_build_object('movementId', m.id, 'bankTxnId', m.bank_txn_id, 'amountFen', m.amount_fen, 'reference', m.reference, 'occurredAt', m.occurred_at)`,
          `'unmatched_debit:' || m.id`,
          `CASE WHEN ${U('m.id', 44)} < 0.7 THEN 'open' ELSE 'closed' END`,
          `m.created_at + interval '1 second'`,
          `FROM bank_movements m JOIN supervised_accounts sa ON sa.id = m.supervised_account_id WHERE m.direction = 'debit' AND m.instruction_id IS NULL AND m.id IN (SELECT move_id FROM gen_move WHERE direction = 'debit' AND instr_id IS NULL)`
        )
      )
      counts.fund_anomalies += await x(
        anomaly(
          'balance_mismatch',
          'red',
          `jsonb_build_object('reportedBankFen', sa.reported_balance_fen, 'differenceFen', -u.amount, 'checkedAt', ${now})`,
          `'balance_mismatch:' || sa.id`,
          `'open'`,
          `${now} - interval '3 hours'`,
          `FROM gen_unmatched u JOIN supervised_accounts sa ON sa.id = u.account_id`
        )
      )
      counts.fund_anomalies += await x(
        anomaly(
          'instruction_rejected',
          'red',
          `jsonb_build_object('instruction', i.number, 'kind', i.kind, 'amountFen', i.amount_fen, 'reason', i.reject_reason)`,
          `'instruction_rejected:' || i.id`,
          `CASE WHEN i.kind = 'refund' THEN 'closed' ELSE 'open' END`,
          `i.created_at + interval '20 hours'`,
          `FROM bank_instructions i JOIN supervised_accounts sa ON sa.id = i.supervised_account_id WHERE i.status = 'rejected'`
        )
      )
      counts.fund_anomalies += await x(
        anomaly(
          'payment_not_settled',
          'yellow',
          `jsonb_build_object('note', '款项到账延迟，已补记')`,
          `'payment_not_settled:' || sa.id || ':' || sa.id % 97`,
          `'closed'`,
          `${now} - interval '1 day' * (10 + 200 * ${U('sa.id', 45)})`,
          `FROM supervised_accounts sa WHERE ${U('sa.id', 46)} < 0.003`
        )
      )

      counts.ledger_accounts = await session.count('ledger_accounts')
    },
    { disableTriggers: true }
  )

  for (const table of [
    'banks',
    'supervised_accounts',
    'orders',
    'payments',
    'consumptions',
    'refunds',
    'bank_instructions',
    'bank_movements',
    'ledger_accounts',
    'ledger_transactions',
    'ledger_entries',
  ])
    await session.syncSequence(table)
  const ordersByStatus = Object.fromEntries(
    (
      await session.query<{ status: string; n: string }>(
        `SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY status`
      )
    ).map((r) => [r.status, Number(r.n)])
  )
  return { counts, ordersByStatus, banks }
}

/** Empties this module's tables (`bench:seed --force`); the modules that depend on it are emptied first. */
export async function wipeFunds(session: BulkSession) {
  await session.exec(
    `TRUNCATE ${['orders', 'payments', 'channel_notices', 'consumptions', 'refunds', 'banks', 'supervised_accounts', 'bank_instructions', 'bank_movements', 'bank_api_requests', 'fund_anomalies', 'ledger_accounts', 'ledger_transactions', 'ledger_entries'].join(', ')} RESTART IDENTITY CASCADE`
  )
}
