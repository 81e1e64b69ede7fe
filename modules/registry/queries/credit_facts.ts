import db from '@adonisjs/lucid/services/db'
import { todayIso } from '#kernel/shared/dates'
import type { ListStatus } from '../models/institution.js'

/** What the credit score reads of an institution's filing, list and inspections. */
export interface RegistryCreditFacts {
  /** The filing is approved and the institution not removed. */
  filed: boolean
  listStatus: ListStatus
  /** Findings still open or reported whose rectification deadline has passed. */
  overdueRectifications: number
  /** Findings recorded in the window, by severity. */
  minorFindings: number
  seriousFindings: number
  /** Hires blocked by the staff check (a prohibited person) in the window. */
  blockedHires: number
}

/**
 * Credit facts for many institutions in four grouped queries (no round
 * trip per institution), for the monthly run as for one event.
 */
export async function registryCreditFacts(
  institutionIds: number[],
  since: Date
): Promise<Map<number, RegistryCreditFacts>> {
  const ids = [...new Set(institutionIds)]
  const out = new Map<number, RegistryCreditFacts>()
  if (!ids.length) return out
  const [institutions, overdue, findings, blocked] = await Promise.all([
    db
      .from('institutions')
      .whereIn('id', ids)
      .select('id', 'filing_status', 'removed_at', 'list_status'),
    db
      .from('inspection_findings')
      .whereIn('institution_id', ids)
      .whereIn('status', ['open', 'reported'])
      /* Beijing's today, not the database session's (UTC): past 16:00 UTC they differ. */
      .where('deadline', '<', todayIso())
      .groupBy('institution_id')
      .select('institution_id')
      .count('* as n'),
    db
      .from('inspection_findings')
      .whereIn('institution_id', ids)
      .where('created_at', '>=', since)
      .groupBy('institution_id', 'severity')
      .select('institution_id', 'severity')
      .count('* as n'),
    db
      .from('staff')
      .whereIn('institution_id', ids)
      .where('status', 'blocked')
      .where('created_at', '>=', since)
      .groupBy('institution_id')
      .select('institution_id')
      .count('* as n'),
  ])
  for (const i of institutions)
    out.set(Number(i.id), {
      filed: i.filing_status === 'approved' && !i.removed_at,
      listStatus: i.list_status,
      overdueRectifications: 0,
      minorFindings: 0,
      seriousFindings: 0,
      blockedHires: 0,
    })
  for (const r of overdue) {
    const f = out.get(Number(r.institution_id))
    if (f) f.overdueRectifications = Number(r.n)
  }
  for (const r of findings) {
    const f = out.get(Number(r.institution_id))
    if (f && r.severity === 'serious') f.seriousFindings = Number(r.n)
    else if (f) f.minorFindings = Number(r.n)
  }
  for (const r of blocked) {
    const f = out.get(Number(r.institution_id))
    if (f) f.blockedHires = Number(r.n)
  }
  return out
}

/** The institutions a credit score is kept for (not removed), by id after a cursor, for batch runs. */
export async function creditSubjects(
  afterId: number,
  limit = 1000
): Promise<{ id: number; regionCode: string; delivery: 'offline' | 'online' }[]> {
  const rows = await db
    .from('institutions')
    .whereNull('removed_at')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .select('id', 'region_code', 'delivery')
  return rows.map((r) => ({ id: Number(r.id), regionCode: r.region_code, delivery: r.delivery }))
}
