/*
| An institution's own figures for its terminal. One institution's records
| are few and indexed by institution, so they are counted live from the
| sources, through the same counters the rollups use: the institution sees
| a complaint the moment it arrives, in the same terms as its bureau.
*/
import { fundsInstitutionCounters } from '#modules/funds'
import { institutionCounters } from '#modules/registry'
import { complaintCounters } from '../services/rollups_sources.js'
import type { Metrics } from './dashboard_tables.js'

export async function ownFigures(institutionId: number): Promise<Metrics> {
  const options = { institutionIds: [institutionId] }
  /* Tip-offs about the institution are the bureau's; its own figures count only complaints. */
  const parts = await Promise.all([institutionCounters(options), fundsInstitutionCounters(options), complaintCounters({ ...options, withoutTipOffs: true })])
  const metrics: Metrics = {}
  /* A complaint may name a target region other than the institution's own: its figures still belong to the institution. */
  for (const counter of parts.flat()) metrics[counter.metric] = (metrics[counter.metric] ?? 0) + counter.value
  return metrics
}
