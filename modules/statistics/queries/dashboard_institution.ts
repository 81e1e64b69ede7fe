/*
| An institution's own figures for its terminal. One institution's records
| are few and indexed by institution, so they are counted live from the
| sources, through the same counters the rollups use: the institution sees
| a complaint the moment it arrives, in the same terms as its bureau.
*/
import { countAll } from '../services/counters.js'
import type { Metrics } from './dashboard_tables.js'

export async function ownFigures(institutionId: number): Promise<Metrics> {
  /* Tip-offs about the institution are the bureau's; its own view counts only complaints. */
  const rows = await countAll({ institutionIds: [institutionId], institutionView: true })
  const metrics: Metrics = {}
  /* A complaint may name a target region other than the institution's own: its figures still belong to the institution. */
  for (const row of rows) metrics[row.metric] = (metrics[row.metric] ?? 0) + row.value
  return metrics
}
