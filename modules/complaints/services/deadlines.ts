import { DateTime } from 'luxon'
import { workingDeadline } from '#kernel/shared/deadlines'
import { todayIso } from '#kernel/shared/dates'
import { toRegionCode } from '#kernel/shared/region_code'
import { lineageOf } from '#modules/identity'
import { complaintDeadlines, type ComplaintDeadlines } from '../extension_points.js'
import type Complaint from '../models/complaint.js'

export type Phase = 'institution' | 'accept' | 'conclude' | 'answer'

export function deadlinesFor(
  complaint: Pick<Complaint, 'kind' | 'complaintType' | 'handlerRegionCode'>
): Promise<ComplaintDeadlines> {
  return complaintDeadlines.resolve(toRegionCode(complaint.handlerRegionCode), {
    kind: complaint.kind,
    complaintType: complaint.complaintType,
  })
}

/** The due date of the phase a case enters today, by the rules of the region handling it. */
export async function dueFor(
  complaint: Pick<Complaint, 'kind' | 'complaintType' | 'handlerRegionCode'>,
  phase: Phase,
  today = todayIso()
): Promise<DateTime> {
  const d = await deadlinesFor(complaint)
  const days = {
    institution: d.institutionWorkingDays,
    accept: d.acceptWorkingDays,
    conclude: complaint.kind === 'tip_off' ? d.tipOffWorkingDays : d.concludeWorkingDays,
    answer: d.answerWorkingDays,
  }[phase]
  return DateTime.fromISO(workingDeadline(today, days), { zone: 'Asia/Shanghai' })
}

/** Hands the case to a bureau: its region and that region's lineage, which scopes who sees and handles it. */
export function assignBureau(complaint: Complaint, region: string) {
  const lineage = lineageOf(region)
  complaint.handlerRegionCode = region
  complaint.handlerProvinceCode = lineage.provinceCode
  complaint.handlerCityCode = lineage.cityCode
  complaint.handlerCountyCode = lineage.countyCode
}

/** Acting after the due date (before the deadline job caught it) still counts as late. */
export function markLateIfOverdue(complaint: Complaint, today = todayIso()) {
  if (complaint.dueOn && complaint.dueOn.toISODate()! < today) complaint.timely = false
}
