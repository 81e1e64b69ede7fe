import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type CurrentUser, recordAudit } from '#modules/identity'
import { canSee } from '#modules/registry'
import { addToBoard } from '../board_counts.js'
import { releaseSalesOf } from '../sales_freeze.js'

export interface LiftRiskWarningInput {
  warningId: number
  /** Why the bureau lifts it (what it checked), kept with the warning and in its history. */
  note: string
}

/**
 * A bureau in the institution's region (or above, not a sub-unit) lifts an
 * open warning with a note. The lift holds: the same indicator is not
 * raised again at the same or a lower level until it recovers or worsens.
 * Its sales freeze, if it had one, goes with it. Returns false when the warning is not open (already lifted).
 */
export class LiftRiskWarning {
  async handle(actor: CurrentUser, input: LiftRiskWarningInput): Promise<boolean> {
    const note = input.note.trim()
    if (!note) throw new DomainError('credit_risk.errors.note', {}, { field: 'note' })
    return db.transaction(async (trx) => {
      const w = await trx
        .from('risk_warnings')
        .where('id', input.warningId)
        .forUpdate()
        .select(
          'id',
          'institution_id',
          'indicator',
          'region_code',
          'province_code',
          'city_code',
          'county_code',
          'level',
          'value',
          'threshold',
          'lifted_at'
        )
        .first()
      if (!w || actor.adminLevel === 'subunit' || !canSee(actor, { regionCode: w.region_code }))
        throw new NotFoundException()
      if (w.lifted_at) return false
      const now = new Date()
      await trx
        .from('risk_warnings')
        .where('id', w.id)
        .update({
          lifted_at: now,
          lift_reason: 'bureau',
          lift_note: note.slice(0, 500),
          lifted_by: actor.id,
          lift_holds: true,
          updated_at: now,
        })
      await trx
        .insertQuery()
        .table('risk_warning_changes')
        .insert({
          warning_id: w.id,
          from_level: w.level,
          to_level: null,
          value: w.value,
          threshold: w.threshold,
          cause: 'bureau',
          actor_id: actor.id,
          note: note.slice(0, 500),
          created_at: now,
        })
      await releaseSalesOf(trx, [w.id], now)
      await addToBoard(trx, [
        {
          regionCode: w.region_code,
          provinceCode: w.province_code,
          cityCode: w.city_code,
          countyCode: w.county_code,
          level: w.level,
          indicator: w.indicator,
          n: -1,
        },
      ])
      await recordAudit(
        {
          action: 'credit.risk_warning_lifted',
          actor,
          subjectType: 'risk_warning',
          subjectId: w.id,
          regionCode: w.region_code,
          summary: note.slice(0, 200),
        },
        trx
      )
      return true
    })
  }
}
