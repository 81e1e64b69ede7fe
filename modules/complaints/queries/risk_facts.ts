/*
| The facts the credit module's risk warnings read about complaints
| (Art. 17: complaints surging, answers not given), for many institutions
| in two set-based statements. Only complaints (投诉) count: a tip-off
| (举报) never shows in anything its institution can see, and a warning's
| evidence is shown to the institution.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'

export const COMPLAINT_EVIDENCE_CAP = 20
/** Complaints of this many days back count toward the rate. */
export const COMPLAINT_WINDOW_DAYS = 90

export interface ComplaintRiskFacts {
  institutionId: number
  /** Complaints filed about it in the last COMPLAINT_WINDOW_DAYS days. */
  complaints: number
  complaintIds: number[]
  /** Complaints in that window its customer service let pass their answer deadline (escalated for it, or still waiting past it). */
  overdueAnswers: number
  overdueIds: number[]
}

const ids = (value: unknown): number[] => ((value as string[] | null) ?? []).map(Number)

/** Complaint facts of the institutions (all with complaints when absent), as of a moment; institutions with none are absent. */
export async function complaintRiskFacts(
  options: { institutionIds?: number[]; asOf?: Date } = {}
): Promise<Map<number, ComplaintRiskFacts>> {
  const facts = new Map<number, ComplaintRiskFacts>()
  if (options.institutionIds?.length === 0) return facts
  const asOf = options.asOf ?? new Date()
  const scope = options.institutionIds ? 'c.institution_id = ANY(?::bigint[])' : 'true'
  const scoped = options.institutionIds ? [options.institutionIds] : []
  const result = await db.rawQuery(
    `SELECT c.institution_id,
            count(*) AS n,
            (array_agg(c.id ORDER BY c.id DESC))[1:${COMPLAINT_EVIDENCE_CAP}] AS ids,
            count(*) FILTER (WHERE o.late) AS overdue,
            (array_agg(c.id ORDER BY c.id DESC) FILTER (WHERE o.late))[1:${COMPLAINT_EVIDENCE_CAP}] AS overdue_ids
       FROM complaints c
       CROSS JOIN LATERAL (SELECT
           (c.status = 'with_institution' AND c.due_on < ?::date)
           OR EXISTS (SELECT 1 FROM complaint_steps s WHERE s.complaint_id = c.id AND s.action = 'institution_overdue') AS late
       ) o
      WHERE c.kind = 'complaint' AND c.institution_id IS NOT NULL
        AND c.created_at > ?::timestamptz - make_interval(days => ${COMPLAINT_WINDOW_DAYS}) AND c.created_at <= ?
        AND ${scope}
      GROUP BY c.institution_id`,
    [DateTime.fromJSDate(asOf).setZone(ZONE).toISODate(), asOf, asOf, ...scoped]
  )
  for (const r of result.rows) {
    facts.set(Number(r.institution_id), {
      institutionId: Number(r.institution_id),
      complaints: Number(r.n),
      complaintIds: ids(r.ids),
      overdueAnswers: Number(r.overdue),
      overdueIds: ids(r.overdue_ids),
    })
  }
  return facts
}
