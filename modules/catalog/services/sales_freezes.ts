/*
| Sales freezes (issue 16): a red fund warning, or any other cause another
| module names, stops new sales of an institution's courses until it is
| lifted. While a freeze is open no contract is signed and no first charge
| is taken (`assertSaleable`); a contract already paid for goes on. The
| caller names its cause by `source` and `ref` (e.g. a warning's id), so
| raising and lifting are idempotent and set-based: one statement for any
| number of causes, and at most one open freeze per cause (a partial unique
| index, which makes racing raises meet on one row). The reason is an i18n
| key with its parameters, rendered in the reader's language.
*/
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'

export interface SalesFreezeInput {
  institutionId: number
  /** Who froze: the raising module's name for the cause (≤ 40 characters), e.g. `credit_risk`. */
  source: string
  /** The cause within the source (≤ 80 characters), e.g. a warning's id. */
  ref: string
  /** An i18n key (≤ 120 characters) for the reason shown to parents and the institution. */
  reasonKey: string
  reasonParams?: Record<string, string | number>
  /** Where the institution reads more: a path on the platform (`/…`) or an http(s) address. */
  link?: string
  at?: Date
}

/** An open freeze, as views show it. */
export interface SalesFreeze {
  id: number
  institutionId: number
  source: string
  ref: string
  reasonKey: string
  reasonParams: Record<string, string | number>
  link: string | null
  /** ISO time, Beijing. */
  frozenAt: string
}

const LIMITS = { source: 40, ref: 80, reasonKey: 120, link: 200 } as const
/* 8 bindings a row: far below PostgreSQL's 65,535 even at this size. */
const ROWS_PER_STATEMENT = 2000

function text(value: unknown, field: keyof typeof LIMITS): string {
  if (typeof value !== 'string' || !value.trim() || value.length > LIMITS[field])
    throw new TypeError(`sales freeze: ${field} must be 1–${LIMITS[field]} characters`)
  return value
}

/* A link is rendered as an href: platform paths and web addresses only, never `javascript:`. */
function safeLink(link: string | undefined): string | null {
  if (link === undefined || link === '') return null
  text(link, 'link')
  if (!/^\/(?![/\\])/.test(link) && !/^https?:\/\//i.test(link))
    throw new TypeError('sales freeze: link must be a platform path or an http(s) address')
  return link
}

function rowOf(input: SalesFreezeInput) {
  if (!Number.isSafeInteger(input.institutionId) || input.institutionId <= 0)
    throw new TypeError('sales freeze: institutionId must be a positive integer')
  const at = input.at ?? new Date()
  if (Number.isNaN(at.getTime())) throw new TypeError('sales freeze: at is not a valid time')
  return [
    input.institutionId,
    text(input.source, 'source'),
    text(input.ref, 'ref'),
    text(input.reasonKey, 'reasonKey'),
    JSON.stringify(input.reasonParams ?? {}),
    safeLink(input.link),
    at,
  ] as const
}

/**
 * Opens a freeze for every cause (source, ref) that has none open yet, in
 * one statement per 2,000 causes; a cause already frozen is left as it is.
 * Returns how many freezes were opened.
 */
export async function freezeSales(
  trx: TransactionClientContract,
  freezes: SalesFreezeInput[]
): Promise<number> {
  if (!freezes.length) return 0
  const rows = freezes.map(rowOf)
  let opened = 0
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const batch = rows.slice(i, i + ROWS_PER_STATEMENT)
    const result = await trx.rawQuery(
      `INSERT INTO sales_freezes (institution_id, source, ref, reason_key, reason_params, link, frozen_at, created_at, updated_at)
       VALUES ${batch.map(() => '(?, ?, ?, ?, ?::jsonb, ?, ?, now(), now())').join(', ')}
       ON CONFLICT (source, ref) WHERE lifted_at IS NULL DO NOTHING RETURNING id`,
      batch.flat() as any[]
    )
    opened += result.rows.length
  }
  return opened
}

/** Lifts the open freezes of these causes; returns how many were lifted (unknown or lifted causes count 0). */
export async function liftSalesFreezes(
  trx: TransactionClientContract,
  source: string,
  refs: string[],
  at: Date = new Date()
): Promise<number> {
  const unique = [...new Set(refs)]
  if (!unique.length) return 0
  const lifted = await trx
    .from('sales_freezes')
    .where('source', source)
    .whereIn('ref', unique)
    .whereNull('lifted_at')
    .update({ lifted_at: at, updated_at: new Date() })
    .returning('id')
  return lifted.length
}

/** The institution's open freezes, newest first. */
export async function salesFreezesOf(institutionId: number): Promise<SalesFreeze[]> {
  const rows = await db
    .from('sales_freezes')
    .where('institution_id', institutionId)
    .whereNull('lifted_at')
    .orderBy('frozen_at', 'desc')
    .orderBy('id', 'desc')
  return rows.map((row) => ({
    id: row.id,
    institutionId: row.institution_id,
    source: row.source,
    ref: row.ref,
    reasonKey: row.reason_key,
    reasonParams: row.reason_params ?? {},
    link: row.link,
    frozenAt: DateTime.fromJSDate(row.frozen_at).setZone('Asia/Shanghai').toISO()!,
  }))
}

/** Has the institution an open freeze? One lookup on the open-freeze index. */
export async function salesFrozen(
  institutionId: number,
  client: QueryClientContract = db.connection()
): Promise<boolean> {
  const row = await client
    .from('sales_freezes')
    .where('institution_id', institutionId)
    .whereNull('lifted_at')
    .select(db.raw('1'))
    .first()
  return Boolean(row)
}
