import db from '@adonisjs/lucid/services/db'
import { todayIso } from '#kernel/shared/dates'
import { RecomputeListStatus } from './recompute_list_status.js'

/**
 * Recomputes the institutions whose status may have changed with the date:
 * an open finding past its deadline, or a licence that expired, while they
 * are not yet on the black list.
 */
export class RecomputeDueLists {
  async handle(today = todayIso()): Promise<number> {
    const { rows } = await db.rawQuery(
      `SELECT DISTINCT i.id FROM institutions i
        WHERE i.removed_at IS NULL AND i.list_status <> 'black' AND (
          EXISTS (SELECT 1 FROM inspection_findings f WHERE f.institution_id = i.id AND f.status IN ('open', 'reported') AND f.deadline < ?)
          OR (i.filing_status = 'approved' AND i.licence_valid_to < ?)
        )`,
      [today, today]
    )
    let changed = 0
    for (const { id } of rows) {
      const before = (await db.from('institutions').where('id', id).select('list_status').first())
        ?.list_status
      const after = await new RecomputeListStatus().handle(id)
      if (before !== after) changed++
    }
    return changed
  }
}
