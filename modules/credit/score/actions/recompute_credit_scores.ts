import db from '@adonisjs/lucid/services/db'
import { publishMany } from '#kernel/shared/outbox'
import { DateTime } from 'luxon'
import { lineageOf } from '#modules/identity'
import { type ScoreResult, computeScore } from '../compute_score.js'
import { type CreditSubject, type ScoreRules, gatherFacts, rulesFor } from '../gather_facts.js'

/* jsonb reorders object keys, so factors are compared with their keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v
  )
}

export interface RecomputeCause {
  /** The event name (complaints:filed), "monthly" or "objection". */
  cause: string
  /** What in particular: the complaint, penalty or objection id. */
  ref?: string | number | null
}

/** A change of one institution's score, as kept in its history. */
export interface ScoreChange {
  institutionId: number
  fromScore: number | null
  toScore: number
  fromGrade: string | null
  toGrade: string
}

/**
 * Recomputes the scores of a batch of institutions, set-based: facts in
 * one grouped query per module, one lock statement, one upsert and one
 * history insert. Only institutions whose score, grade or factors moved
 * are written, so a rerun (a redelivered event, the monthly job restarted
 * after a crash) changes nothing.
 */
export class RecomputeCreditScores {
  async handle(subjects: CreditSubject[], cause: RecomputeCause): Promise<ScoreChange[]> {
    if (!subjects.length) return []
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!
    const rules = new Map<string, ScoreRules>()
    for (const s of subjects)
      if (!rules.has(s.regionCode)) rules.set(s.regionCode, await rulesFor(s))
    const results = new Map<number, ScoreResult>()
    const byWindow = Map.groupBy(subjects, (s) => rules.get(s.regionCode)!.indicators.windowMonths)
    for (const [months, group] of byWindow) {
      const facts = await gatherFacts(group, months)
      for (const s of group) {
        const r = rules.get(s.regionCode)!
        results.set(s.id, computeScore(facts.get(s.id)!, r.indicators, r.bands, today))
      }
    }
    return this.write(subjects, results, cause)
  }

  private write(
    subjects: CreditSubject[],
    results: Map<number, ScoreResult>,
    cause: RecomputeCause
  ): Promise<ScoreChange[]> {
    const ids = subjects.map((s) => s.id).sort((a, b) => a - b)
    return db.transaction(async (trx) => {
      /* One writer per institution at a time, in id order so batches never deadlock. */
      await trx.rawQuery(
        'SELECT pg_advisory_xact_lock(1629, id::int) FROM unnest(?::bigint[]) AS id ORDER BY id',
        [ids]
      )
      const current = new Map(
        (
          await trx
            .from('credit_scores')
            .whereIn('institution_id', ids)
            .select('institution_id', 'score', 'grade', 'factors')
        ).map((r) => [Number(r.institution_id), r])
      )
      const rows = []
      const changes: (ScoreChange & { factors: string })[] = []
      for (const s of subjects) {
        const next = results.get(s.id)!
        const before = current.get(s.id)
        const factors = JSON.stringify(next.factors)
        if (
          before &&
          before.score === next.score &&
          before.grade === next.grade &&
          canonical(before.factors) === canonical(next.factors)
        )
          continue
        const lineage = lineageOf(s.regionCode)
        rows.push({
          institution_id: s.id,
          region_code: lineage.regionCode,
          province_code: lineage.provinceCode,
          city_code: lineage.cityCode,
          county_code: lineage.countyCode,
          score: next.score,
          grade: next.grade,
          factors: next.factors,
        })
        changes.push({
          institutionId: s.id,
          fromScore: before ? before.score : null,
          fromGrade: before ? before.grade : null,
          toScore: next.score,
          toGrade: next.grade,
          factors,
        })
      }
      if (!rows.length) return []
      await trx.rawQuery(
        `INSERT INTO credit_scores (institution_id, region_code, province_code, city_code, county_code, score, grade, factors, computed_at)
         SELECT x.institution_id, x.region_code, x.province_code, x.city_code, x.county_code, x.score, x.grade, x.factors, now()
           FROM jsonb_to_recordset(?::jsonb) AS x(institution_id bigint, region_code text, province_code text,
                city_code text, county_code text, score int, grade text, factors jsonb)
         ON CONFLICT (institution_id) DO UPDATE SET score = excluded.score, grade = excluded.grade,
           factors = excluded.factors, computed_at = excluded.computed_at`,
        [JSON.stringify(rows)]
      )
      await trx.table('credit_score_changes').multiInsert(
        changes.map((c) => ({
          institution_id: c.institutionId,
          from_score: c.fromScore,
          from_grade: c.fromGrade,
          to_score: c.toScore,
          to_grade: c.toGrade,
          cause: cause.cause.slice(0, 64),
          cause_ref: cause.ref === undefined || cause.ref === null ? null : String(cause.ref),
          factors: c.factors,
        }))
      )
      /* Others act on a move between bands (an after-school list drops an institution below its floor). */
      await publishMany(
        trx,
        'credit:grade_changed',
        changes
          .filter((c) => c.fromGrade !== null && c.fromGrade !== c.toGrade)
          .map((c) => ({
            institutionId: c.institutionId,
            fromGrade: c.fromGrade!,
            toGrade: c.toGrade,
          }))
      )
      return changes.map(({ factors: _, ...c }) => c)
    })
  }
}
