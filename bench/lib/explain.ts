/*
| EXPLAIN checks for the hot queries. Each query's SQL is copied from the
| code path that issues it (named beside it); when that code changes, the
| copy here must follow.
|
| Two tiers, so the checks mean something at every data scale:
|  1. with enable_seqscan = off, the plan must not scan the named tables
|     sequentially, nor read a whole index for its order only: an index
|     serving the query's condition exists (at smoke scale
|     the planner rightly prefers a seq scan of a tiny table, so this is
|     the check that catches a dropped index there);
|  2. with the planner's own choice, a table of at least `largeRows` rows
|     must not be scanned sequentially: the query still uses its index on
|     the data set being benchmarked.
| A failure of either fails the benchmark run.
*/
import pg from 'pg'

export interface ExplainSample {
  institutionId: number
  provinceCode: string
  countyCode: string
  /** A fuzzy name term (3+ characters) and a broad one for the deep page. */
  term: string
  broadTerm: string
  deepOffset: number
  accountCode: string
  orderId: number
  transactionId: number
}

interface Check {
  name: string
  group: 'search' | 'public page' | 'dashboard' | 'ledger'
  source: string
  tables: string[]
  sql: string
  params: (s: ExplainSample) => unknown[]
}

const SEARCH_FIELDS = `"id", "name", "region_code", "address", "list_status", "categories", "delivery", "credit_code", "licence_number"`
const SEARCH_WHERE = `"filing_status" = 'approved' and "removed_at" is null and "list_status" in ('white', 'grey', 'black') and "province_code" = $1
  and (("name" ilike $2) or name % $3)`

/* The region-scope lists of a county: the county itself (scopeCodes of a leaf region). */
const CHECKS: Check[] = [
  {
    name: 'search: page 1 (fuzzy name + province)',
    group: 'search',
    source: 'modules/registry/queries/public_queries.ts searchInstitutions',
    tables: ['institutions'],
    sql: `select ${SEARCH_FIELDS} from "institutions" where ${SEARCH_WHERE} order by similarity(name, $3) DESC, "id" desc limit 20`,
    params: (s) => [s.provinceCode, `%${s.term}%`, s.term],
  },
  {
    name: 'search: total for the pager',
    group: 'search',
    source: 'modules/registry/queries/public_queries.ts searchInstitutions (paginate count)',
    tables: ['institutions'],
    sql: `select count(*) as "total" from "institutions" where ${SEARCH_WHERE}`,
    params: (s) => [s.provinceCode, `%${s.term}%`, s.term],
  },
  {
    name: 'search: deep page (broad term + province)',
    group: 'search',
    source: 'modules/registry/queries/public_queries.ts searchInstitutions',
    tables: ['institutions'],
    sql: `select ${SEARCH_FIELDS} from "institutions" where ${SEARCH_WHERE} order by similarity(name, $3) DESC, "id" desc limit 20 offset $4`,
    params: (s) => [s.provinceCode, `%${s.broadTerm}%`, s.broadTerm, s.deepOffset],
  },
  {
    name: 'public page: institution',
    group: 'public page',
    source: 'modules/registry/queries/public_queries.ts publicInstitution',
    tables: ['institutions'],
    sql: `select * from "institutions" where "id" = $1 and "filing_status" = 'approved' limit 1`,
    params: (s) => [s.institutionId],
  },
  {
    name: 'public page: teachers',
    group: 'public page',
    source: 'modules/registry/queries/public_queries.ts publicInstitution',
    tables: ['staff'],
    sql: `select * from "staff" where "institution_id" = $1 and "status" = 'hired' and "role" = 'teaching' and "check_result" = 'passed' order by "id" asc`,
    params: (s) => [s.institutionId],
  },
  {
    name: 'public page: list history',
    group: 'public page',
    source: 'modules/registry/queries/public_queries.ts publicInstitution',
    tables: ['list_changes'],
    sql: `select * from "list_changes" where "institution_id" = $1 order by "changed_at" desc, "id" desc limit 20`,
    params: (s) => [s.institutionId],
  },
  {
    name: 'public page: notices',
    group: 'public page',
    source: 'modules/registry/queries/public_queries.ts publicInstitution',
    tables: ['public_notices'],
    sql: `select * from "public_notices" where "institution_id" = $1 order by "published_at" desc limit 10`,
    params: (s) => [s.institutionId],
  },
  {
    name: 'public page: former names',
    group: 'public page',
    source: 'modules/registry/queries/public_queries.ts publicInstitution',
    tables: ['institution_names'],
    sql: `select * from "institution_names" where "institution_id" = $1 order by "used_until" desc`,
    params: (s) => [s.institutionId],
  },
  {
    name: 'dashboard: national totals and provinces',
    group: 'dashboard',
    source: 'modules/statistics/queries/dashboard.ts regionFigures',
    tables: ['stat_rollups'],
    sql: `select "level", "region_code", "institution_id", "metric", "value", "refreshed_at" from "stat_rollups" where ("parent_code" = $1 or ("level" = $2 and "region_code" = $1))`,
    params: () => ['000000', 0],
  },
  {
    name: 'dashboard: county totals and institutions',
    group: 'dashboard',
    source: 'modules/statistics/queries/dashboard.ts regionFigures',
    tables: ['stat_rollups'],
    sql: `select "level", "region_code", "institution_id", "metric", "value", "refreshed_at" from "stat_rollups" where ("parent_code" = $1 or ("level" = $2 and "region_code" = $1))`,
    params: (s) => [s.countyCode, 3],
  },
  {
    name: 'dashboard: county institution count',
    group: 'dashboard',
    source: 'modules/statistics/queries/dashboard.ts institutionRowCount',
    tables: ['stat_rollups'],
    sql: `select count(*) as "total" from (select distinct "region_code", "institution_id" from "stat_rollups" where "level" = 4 and "parent_code" in ($1)) as "k"`,
    params: (s) => [s.countyCode],
  },
  {
    name: 'dashboard: county institution page',
    group: 'dashboard',
    source: 'modules/statistics/queries/dashboard.ts institutionFigures',
    tables: ['stat_rollups'],
    sql: `select "region_code", "institution_id" from "stat_rollups" where "level" = 4 and "parent_code" in ($1) group by "region_code", "institution_id" order by "region_code" asc, "institution_id" asc limit 50`,
    params: (s) => [s.countyCode],
  },
  {
    name: 'ledger: account balance',
    group: 'ledger',
    source: 'modules/funds/ledger/ledger.ts balanceOf / accountId',
    tables: ['ledger_accounts'],
    sql: `select "balance_fen" from "ledger_accounts" where "code" = $1 limit 1`,
    params: (s) => [s.accountCode],
  },
  {
    name: 'ledger: transaction balanced (deferred trigger)',
    group: 'ledger',
    source:
      'modules/funds/database/migrations/0001_create_ledger_tables.ts ledger_check_balanced()',
    tables: ['ledger_entries'],
    sql: `SELECT coalesce(sum(amount_fen), 0), count(*) FROM ledger_entries WHERE transaction_id = $1`,
    params: (s) => [s.transactionId],
  },
  {
    name: "ledger: an order's movements",
    group: 'ledger',
    source: 'modules/funds/queries/orders.ts orderStatement',
    tables: ['ledger_transactions', 'ledger_entries'],
    sql: `select "t"."id", "t"."kind", "t"."memo", "e"."amount_fen", "a"."kind" as "to_kind" from "ledger_transactions" as "t"
      inner join "ledger_entries" as "e" on "e"."transaction_id" = "t"."id" and "e"."amount_fen" > 0
      inner join "ledger_accounts" as "a" on "a"."id" = "e"."account_id" where "t"."order_id" = $1 order by "t"."id" asc`,
    params: (s) => [s.orderId],
  },
]

export interface PlanNode {
  type: string
  relation?: string
  /** The index scanned, or for a bitmap heap scan the indexes of its bitmap. */
  index?: string
  /** An index scan with no index condition reads the whole index (it only supplies order). */
  fullIndexScan?: boolean
}

export interface ExplainResult {
  name: string
  group: string
  source: string
  tables: { name: string; rows: number; indexes: string[] }[]
  /** Scans of the checked tables, with the planner's own choice. */
  plan: string[]
  /** Scans with enable_seqscan = off. */
  forcedPlan: string[]
  /** No index can serve it (tier 1), or a large table is scanned sequentially (tier 2). */
  pass: boolean
  problem: string | null
}

function bitmapIndexes(node: any): string[] {
  return [
    ...(node['Index Name'] ? [node['Index Name']] : []),
    ...(node.Plans ?? []).flatMap(bitmapIndexes),
  ]
}

function walk(node: any, out: PlanNode[] = []): PlanNode[] {
  const type: string = node['Node Type']
  const index = type === 'Bitmap Heap Scan' ? bitmapIndexes(node).join(' + ') : node['Index Name']
  const fullIndexScan = (type === 'Index Scan' || type === 'Index Only Scan') && !node['Index Cond']
  out.push({ type, relation: node['Relation Name'], index, fullIndexScan })
  for (const child of node.Plans ?? []) walk(child, out)
  return out
}

const describe = (n: PlanNode) =>
  `${n.type}${n.index ? ` using ${n.index}` : ''}${n.relation ? ` on ${n.relation}` : ''}${n.fullIndexScan ? ' (whole index, no index condition)' : ''}`

export async function sampleFor(client: pg.Client, deepPage: number): Promise<ExplainSample> {
  const one = async (sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows[0] ?? {}
  /* A filed institution with teachers, so every part of its public page has rows. */
  const inst = await one(`SELECT i.id, i.province_code, i.county_code, i.name FROM institutions i
    WHERE i.filing_status = 'approved' AND i.county_code IS NOT NULL AND EXISTS (SELECT 1 FROM staff s WHERE s.institution_id = i.id AND s.status = 'hired')
    LIMIT 1`)
  const name: string = inst.name ?? '培训学校'
  const account = await one(
    `SELECT code FROM ledger_accounts WHERE kind = 'supervised' ORDER BY id LIMIT 1`
  )
  const order = await one(
    `SELECT order_id, id FROM ledger_transactions WHERE order_id IS NOT NULL ORDER BY id DESC LIMIT 1`
  )
  return {
    institutionId: Number(inst.id ?? 1),
    provinceCode: inst.province_code ?? '220000',
    countyCode: inst.county_code ?? '220104',
    term: [...name].slice(2, 6).join('') || name,
    broadTerm: [...name].slice(-4).join(''),
    deepOffset: (deepPage - 1) * 20,
    accountCode: account.code ?? 'supervised:1',
    orderId: Number(order.order_id ?? 1),
    transactionId: Number(order.id ?? 1),
  }
}

async function planOf(client: pg.Client, sql: string, params: unknown[]): Promise<PlanNode[]> {
  const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)
  const plan = rows[0]['QUERY PLAN'][0].Plan
  return walk(plan)
}

export async function runExplainChecks(
  url: string,
  sample: ExplainSample,
  largeRows = 10_000
): Promise<ExplainResult[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const results: ExplainResult[] = []
    for (const check of CHECKS) {
      const params = check.params(sample)
      const tables = []
      for (const table of check.tables) {
        const { rows } = await client.query(
          `SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = to_regclass($1)`,
          [table]
        )
        const indexes = await client.query(
          `SELECT i.relname AS name, x.indisvalid AS valid FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = to_regclass($1) ORDER BY 1`,
          [table]
        )
        tables.push({
          name: table,
          rows: Number(rows[0]?.n ?? 0),
          indexes: indexes.rows.map((r) => (r.valid ? r.name : `${r.name} (INVALID)`)),
        })
      }
      await client.query('BEGIN')
      await client.query('SET LOCAL enable_seqscan = off')
      const forced = await planOf(client, check.sql, params)
      await client.query('ROLLBACK')
      const chosen = await planOf(client, check.sql, params)
      const onTables = (nodes: PlanNode[]) =>
        nodes.filter((n) => n.relation && check.tables.includes(n.relation))
      const problems: string[] = []
      for (const node of onTables(forced)) {
        if (node.type === 'Seq Scan' || node.fullIndexScan)
          problems.push(`no index serves the condition on ${node.relation}`)
      }
      for (const node of onTables(chosen)) {
        const size = tables.find((t) => t.name === node.relation)?.rows ?? 0
        if ((node.type === 'Seq Scan' || node.fullIndexScan) && size >= largeRows)
          problems.push(`${describe(node)} (${size} rows)`)
      }
      results.push({
        name: check.name,
        group: check.group,
        source: check.source,
        tables,
        plan: onTables(chosen).map(describe),
        forcedPlan: onTables(forced).map(describe),
        pass: problems.length === 0,
        problem: problems.length ? problems.join('; ') : null,
      })
    }
    return results
  } finally {
    await client.end()
  }
}
