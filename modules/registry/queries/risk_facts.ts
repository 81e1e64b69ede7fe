/*
| The facts the credit module's risk warnings read from the registry
| (Art. 17): rectification findings past their deadline, the licence's
| expiry, banned staff on the payroll, and who the institution is (its
| region lineage, so the credit module can scope its board, and its
| delivery, which decides the responsible bureau). One set-based
| statement for any number of institutions; the institutions are the
| filed ones not removed, the set a nightly run evaluates.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'

export const REGISTRY_EVIDENCE_CAP = 20

export interface RegistryRiskFacts {
  institutionId: number
  name: string
  delivery: 'offline' | 'online'
  regionCode: string
  provinceCode: string
  cityCode: string | null
  countyCode: string | null
  /** Findings not closed whose rectification deadline has passed. */
  overdueFindings: number
  findingIds: number[]
  /** YYYY-MM-DD, or null when no licence date is on file. */
  licenceValidTo: string | null
  /** Days from asOf (Beijing date) to the licence's last valid day; negative once expired. */
  licenceDaysLeft: number | null
  /** Hired staff whose ID number is on the prohibited list (not revoked). */
  bannedStaff: number
  staffIds: number[]
}

const ids = (value: unknown): number[] => ((value as string[] | null) ?? []).map(Number)

/** Risk facts of filed, not removed institutions (all of them when `institutionIds` is absent), as of a moment. */
export async function registryRiskFacts(
  options: { institutionIds?: number[]; asOf?: Date } = {}
): Promise<Map<number, RegistryRiskFacts>> {
  const facts = new Map<number, RegistryRiskFacts>()
  if (options.institutionIds?.length === 0) return facts
  const today = DateTime.fromJSDate(options.asOf ?? new Date())
    .setZone(ZONE)
    .toISODate()!
  const scope = options.institutionIds ? 'i.id = ANY(?::bigint[])' : 'true'
  const scoped = options.institutionIds ? [options.institutionIds] : []
  const result = await db.rawQuery(
    `SELECT i.id, i.name, i.delivery, i.region_code, i.province_code, i.city_code, i.county_code,
            to_char(i.licence_valid_to, 'YYYY-MM-DD') AS licence_valid_to,
            i.licence_valid_to - ?::date AS days_left,
            f.n AS findings, f.ids AS finding_ids, s.n AS banned, s.ids AS staff_ids
       FROM institutions i
       LEFT JOIN LATERAL (
         SELECT count(*) AS n, (array_agg(id ORDER BY deadline, id))[1:${REGISTRY_EVIDENCE_CAP}] AS ids
           FROM inspection_findings WHERE institution_id = i.id AND status <> 'closed' AND deadline < ?::date
       ) f ON true
       LEFT JOIN LATERAL (
         SELECT count(*) AS n, (array_agg(st.id ORDER BY st.id))[1:${REGISTRY_EVIDENCE_CAP}] AS ids
           FROM staff st
          WHERE st.institution_id = i.id AND st.status = 'hired'
            AND EXISTS (SELECT 1 FROM prohibited_persons p WHERE p.id_number_index = st.id_number_index AND p.revoked_at IS NULL)
       ) s ON true
      WHERE i.filing_status = 'approved' AND i.removed_at IS NULL AND ${scope}
      ORDER BY i.id`,
    [today, today, ...scoped]
  )
  for (const r of result.rows) {
    facts.set(Number(r.id), {
      institutionId: Number(r.id),
      name: r.name,
      delivery: r.delivery,
      regionCode: r.region_code,
      provinceCode: r.province_code,
      cityCode: r.city_code,
      countyCode: r.county_code,
      overdueFindings: Number(r.findings ?? 0),
      findingIds: ids(r.finding_ids),
      licenceValidTo: r.licence_valid_to,
      licenceDaysLeft: r.days_left === null ? null : Number(r.days_left),
      bannedStaff: Number(r.banned ?? 0),
      staffIds: ids(r.staff_ids),
    })
  }
  return facts
}
