import type { BulkSession } from '#bench/lib/bulk_load'
import { refreshAllRollups, type RefreshResult } from '../services/rollups.js'

/** The nightly full rebuild, over the generated data set. */
export function rebuildStatistics(): Promise<RefreshResult> {
  return refreshAllRollups()
}

/** Empties the statistics tables before a forced regeneration. */
export async function wipeStatistics(session: BulkSession) {
  await session.exec(
    'TRUNCATE stat_rollups, stat_dirty_regions, stat_refreshes, report_exports RESTART IDENTITY CASCADE'
  )
}
