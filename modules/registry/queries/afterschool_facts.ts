/*
| What the after-school eligible lists compare of an institution (Art. 21,
| issue 17): its filing and list, the licence's categories and validity,
| inspection findings within the look-back (serious ones, and any not yet
| rectified), and its teaching staff: whether each passed the admission
| check and which hold a teacher's certificate. One statement for any
| number of institutions.
*/
import db from '@adonisjs/lucid/services/db'
import { todayIso } from '#kernel/shared/dates'
import type { ListStatus } from '../models/institution.js'

export interface AfterschoolTeacher {
  id: number
  name: string
  /** Hired, and the admission check passed. */
  admitted: boolean
  /** Holds a teacher's certificate (教师资格证) on file. */
  certified: boolean
  subjects: string[]
}

export interface RegistryAfterschoolFacts {
  institutionId: number
  name: string
  regionCode: string
  countyCode: string | null
  filed: boolean
  removed: boolean
  listStatus: ListStatus
  /** The licence's categories (academic, sports, arts, science_tech, other). */
  categories: string[]
  licenceValidTo: string | null
  licenceValid: boolean
  /** The filing names the supervised account its prepaid fees are paid into (bank custody or a risk deposit). */
  supervisedAccountFiled: boolean
  /** Serious findings within the look-back, and findings not closed whatever their age. */
  seriousFindingIds: number[]
  unrectifiedFindingIds: number[]
  /** Teaching staff on the payroll (hired or blocked), by id. */
  teachers: AfterschoolTeacher[]
}

export async function registryAfterschoolFacts(
  institutionIds: number[],
  lookbackYears: number
): Promise<Map<number, RegistryAfterschoolFacts>> {
  const ids = [...new Set(institutionIds)].filter((id) => Number.isSafeInteger(id) && id > 0)
  const out = new Map<number, RegistryAfterschoolFacts>()
  if (!ids.length) return out
  const today = todayIso()
  const result = await db.rawQuery(
    `SELECT i.id, i.name, i.region_code, i.county_code, i.filing_status, i.removed_at, i.list_status,
            i.categories, to_char(i.licence_valid_to, 'YYYY-MM-DD') AS licence_valid_to,
            (i.licence_valid_to IS NOT NULL AND i.licence_valid_to >= ?::date) AS licence_valid,
            f.serious, f.unrectified, t.teachers,
            EXISTS (SELECT 1 FROM filing_sections fs WHERE fs.institution_id = i.id
                       AND coalesce(fs.data->>'supervisedAccount', '') <> '') AS account_filed
       FROM institutions i
       LEFT JOIN LATERAL (
         SELECT array_agg(id ORDER BY id) FILTER (WHERE severity = 'serious' AND created_at >= ?::date - make_interval(years => ?)) AS serious,
                array_agg(id ORDER BY id) FILTER (WHERE status <> 'closed') AS unrectified
           FROM inspection_findings WHERE institution_id = i.id
       ) f ON true
       LEFT JOIN LATERAL (
         SELECT jsonb_agg(jsonb_build_object(
                  'id', st.id, 'name', st.name, 'subjects', st.subjects,
                  'admitted', st.status = 'hired' AND st.check_result = 'passed',
                  'certified', coalesce(st.certificate_number, '') <> '') ORDER BY st.id) AS teachers
           FROM staff st
          WHERE st.institution_id = i.id AND st.role = 'teaching' AND st.status <> 'left'
       ) t ON true
      WHERE i.id = ANY(?::bigint[])`,
    [today, today, lookbackYears, ids] as any[]
  )
  for (const r of result.rows) {
    out.set(Number(r.id), {
      institutionId: Number(r.id),
      name: r.name,
      regionCode: String(r.region_code).trim(),
      countyCode: r.county_code?.trim() ?? null,
      filed: r.filing_status === 'approved',
      removed: r.removed_at !== null,
      listStatus: r.list_status,
      categories: r.categories ?? [],
      licenceValidTo: r.licence_valid_to,
      licenceValid: r.licence_valid === true,
      supervisedAccountFiled: r.account_filed === true,
      seriousFindingIds: (r.serious ?? []).map(Number),
      unrectifiedFindingIds: (r.unrectified ?? []).map(Number),
      teachers: (r.teachers ?? []).map((t: AfterschoolTeacher) => ({ ...t, id: Number(t.id) })),
    })
  }
  return out
}
