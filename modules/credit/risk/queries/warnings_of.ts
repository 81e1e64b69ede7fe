import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'
import { INDICATORS, type IndicatorKey } from '../indicators.js'

export interface WarningRow {
  id: number
  institutionId: number
  /** The institution's region (its county; an online institution's own code). */
  regionCode: string
  indicator: string
  level: 'yellow' | 'orange' | 'red'
  value: number
  threshold: number
  evidence: Record<string, unknown>
  raisedAt: Date
  urgeDueOn: string
  noticeDueOn: string
  remindedAt: Date | null
  urgedAt: Date | null
  noticedAt: Date | null
  noticeId: number | null
  answer: string | null
  answeredAt: Date | null
  liftedAt: Date | null
  liftReason: string | null
  unit: string | null
  liftNote: string | null
}

export function toWarning(r: any): WarningRow {
  return {
    id: Number(r.id),
    institutionId: Number(r.institution_id),
    regionCode: String(r.region_code).trim(),
    indicator: r.indicator,
    level: r.level,
    value: Number(r.value),
    /* The value's unit (percent, per 100 active orders, a count, days), for the page to say. */
    unit: INDICATORS[r.indicator as IndicatorKey]?.unit ?? null,
    threshold: Number(r.threshold),
    evidence: r.evidence,
    raisedAt: r.raised_at,
    urgeDueOn: r.urge_due_on_iso,
    noticeDueOn: r.notice_due_on_iso,
    remindedAt: r.reminded_at,
    urgedAt: r.urged_at,
    noticedAt: r.noticed_at,
    noticeId: r.notice_id === null ? null : Number(r.notice_id),
    answer: r.answer,
    answeredAt: r.answered_at,
    liftedAt: r.lifted_at,
    liftReason: r.lift_reason,
    liftNote: r.lift_note,
  }
}

export const WARNING_COLUMNS = [
  '*',
  db.raw(`to_char(urge_due_on, 'YYYY-MM-DD') AS urge_due_on_iso`),
  db.raw(`to_char(notice_due_on, 'YYYY-MM-DD') AS notice_due_on_iso`),
]

/** An institution's warnings, open first, then the newest; lifted ones only when asked. */
export async function warningsOf(
  institutionId: number,
  options: { includeLifted?: boolean } = {}
): Promise<WarningRow[]> {
  const query = db
    .from('risk_warnings')
    .where('institution_id', institutionId)
    .select(WARNING_COLUMNS)
    .orderByRaw('lifted_at IS NOT NULL, raised_at DESC, id DESC')
  if (!options.includeLifted) query.whereNull('lifted_at')
  return (await query).map(toWarning)
}

/** The level changes of a warning, oldest first. */
export async function warningHistory(warningId: number) {
  const rows = await db
    .from('risk_warning_changes')
    .where('warning_id', warningId)
    .orderBy('id')
    .select('from_level', 'to_level', 'cause', 'note', 'created_at')
  return rows.map((r) => ({
    from: r.from_level,
    to: r.to_level,
    cause: r.cause,
    note: r.note,
    /* Beijing date of the change, as the page shows it. */
    on: DateTime.fromJSDate(r.created_at).setZone(ZONE).toISODate(),
  }))
}
