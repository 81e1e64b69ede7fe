import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { COUNTRY_CODE, type RegionCode } from '#kernel/shared/region_code'
import { auditRetentionDays } from '../extension_points.js'
import { regionTree } from '../services/region_tree.js'

const BATCH = 5000

export interface PruneResult {
  deleted: number
  /** Retention applied per province code ("" for events without a region). */
  retention: Record<string, number>
}

/**
 * Removes audit events older than their province's retention (an
 * extension point: 180 days nationally, longer where a province says so),
 * in small batches so the table stays writable during the clean-up.
 */
export class PruneAuditLog {
  async handle(now: DateTime = DateTime.now()): Promise<PruneResult> {
    const retention: Record<string, number> = {
      '': await auditRetentionDays.resolve(COUNTRY_CODE, {}),
    }
    for (const province of regionTree.children(COUNTRY_CODE)) {
      retention[province.code] = await auditRetentionDays.resolve(province.code as RegionCode, {})
    }

    let deleted = 0
    for (const [province, days] of Object.entries(retention)) {
      const cutoff = now.minus({ days }).toSQL()!
      for (;;) {
        const removed = await db.transaction(async (trx) => {
          await trx.rawQuery(`SET LOCAL xiaowai.audit_retention = 'on'`)
          const result = await trx.rawQuery(
            `DELETE FROM audit_events WHERE id IN (
               SELECT id FROM audit_events
               WHERE ${province ? 'province_code = ?' : 'province_code IS NULL'} AND occurred_at < ?
               LIMIT ${BATCH})`,
            province ? [province, cutoff] : [cutoff]
          )
          return result.rowCount as number
        })
        deleted += removed
        if (removed < BATCH) break
      }
    }
    return { deleted, retention }
  }
}
