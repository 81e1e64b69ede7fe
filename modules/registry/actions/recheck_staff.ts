import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { RecomputeListStatus } from './recompute_list_status.js'

const BATCH = 1000

export interface RecheckResult {
  checked: number
  newlyProhibited: number
}

/**
 * Re-checks hired staff against the prohibited-persons list (all of them,
 * or those with one ID number when a person is added to the list). A match
 * is recorded on the staff member; the institution's list status follows
 * (banned staff hired puts it on the black list) until it lets them go.
 */
export class RecheckStaff {
  async handle(onlyIndex?: string): Promise<RecheckResult> {
    let lastId = 0
    let checked = 0
    const affected = new Set<number>()
    const now = DateTime.now().toSQL()!
    for (;;) {
      const rows: { id: number; institution_id: number; banned: boolean; check_result: string }[] =
        (
          await db.rawQuery(
            `SELECT s.id, s.institution_id, s.check_result,
                  EXISTS (SELECT 1 FROM prohibited_persons p WHERE p.id_number_index = s.id_number_index AND p.revoked_at IS NULL) AS banned
             FROM staff s
            WHERE s.status = 'hired' AND s.id > ? ${onlyIndex ? 'AND s.id_number_index = ?' : ''}
            ORDER BY s.id LIMIT ${BATCH}`,
            onlyIndex ? [lastId, onlyIndex] : [lastId]
          )
        ).rows
      if (!rows.length) break
      await db.transaction(async (trx) => {
        for (const row of rows) {
          const result = row.banned
            ? 'prohibited'
            : row.check_result === 'prohibited'
              ? 'passed'
              : row.check_result
          await trx
            .from('staff')
            .where('id', row.id)
            .update({ check_result: result, checked_at: now, updated_at: now })
          await trx
            .table('staff_checks')
            .insert({ staff_id: row.id, result, trigger: 'recheck', checked_at: now })
          if (result !== row.check_result) affected.add(row.institution_id)
        }
      })
      checked += rows.length
      lastId = rows.at(-1)!.id
    }
    for (const institutionId of affected) await new RecomputeListStatus().handle(institutionId)
    return { checked, newlyProhibited: affected.size }
  }
}
