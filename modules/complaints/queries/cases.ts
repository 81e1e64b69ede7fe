import { todayIso } from '#kernel/shared/dates'
import { type CurrentUser, applyRegionScope } from '#modules/identity'
import Complaint, { COMPLAINT_TYPES } from '../models/complaint.js'
import type ComplaintStep from '../models/complaint_step.js'
import { institutionSeesStep } from '../policies/complaint_policy.js'

const PER_PAGE = 20
export const pageOf = (n: unknown) => Math.max(1, Math.min(Number(n) || 1, 1000))

export const BUREAU_TABS = ['todo', 'with_institution', 'open', 'overdue', 'closed', 'all'] as const
export type BureauTab = (typeof BUREAU_TABS)[number]

export interface CaseFilters {
  tab: BureauTab
  type: string | null
  q: string | null
}

export function caseFilters(qs: Record<string, unknown>): CaseFilters {
  const tab = BUREAU_TABS.includes(qs.tab as BureauTab) ? (qs.tab as BureauTab) : 'todo'
  const type = COMPLAINT_TYPES.includes(qs.type as never) ? (qs.type as string) : null
  const q = typeof qs.q === 'string' && qs.q.trim() ? qs.q.trim().slice(0, 40) : null
  return { tab, type, q }
}

const OPEN = ['with_institution', 'responded', 'submitted', 'accepted', 'replied']

/** A bureau's cases: those about its region and those it handles, by tab. "todo" is what waits on this bureau. */
export function bureauCases(user: CurrentUser, filters: CaseFilters, page: unknown) {
  const query = Complaint.query()
    .where((q) => {
      q.where((inner) => applyRegionScope(inner, user.regionCode)).orWhere((inner) =>
        applyRegionScope(inner, user.regionCode, {
          province: 'handler_province_code',
          city: 'handler_city_code',
          county: 'handler_county_code',
        })
      )
    })
    .orderBy('dueOn', 'asc')
    .orderBy('id', 'desc')
  if (filters.tab === 'todo')
    query
      .where('handlerRegionCode', user.regionCode ?? '')
      .where('stage', 'bureau')
      .whereIn('status', ['submitted', 'accepted'])
  if (filters.tab === 'with_institution')
    query.where('stage', 'institution').whereIn('status', ['with_institution', 'responded'])
  if (filters.tab === 'open') query.whereIn('status', OPEN)
  if (filters.tab === 'overdue')
    query
      .whereIn('status', ['with_institution', 'submitted', 'accepted'])
      .where('dueOn', '<', todayIso())
  if (filters.tab === 'closed') query.whereIn('status', ['closed', 'withdrawn'])
  if (filters.type) query.where('complaintType', filters.type)
  if (filters.q)
    query.where((q) => q.where('number', filters.q!).orWhereILike('targetName', `%${filters.q}%`))
  return query.paginate(pageOf(page), PER_PAGE)
}

/** The complaints an institution answers or follows; tip-offs about it are never listed (see the policy). */
export function institutionCases(institutionId: number, tab: 'todo' | 'all', page: unknown) {
  const query = Complaint.query()
    .where('institutionId', institutionId)
    .where('kind', 'complaint')
    .whereNot('status', 'withdrawn')
    .orderBy('id', 'desc')
  if (tab === 'todo') query.where('status', 'with_institution')
  return query.paginate(pageOf(page), PER_PAGE)
}

export function parentCases(userId: number, page: unknown) {
  return Complaint.query()
    .where('authorUserId', userId)
    .orderBy('id', 'desc')
    .paginate(pageOf(page), PER_PAGE)
}

export async function findCase(id: unknown): Promise<Complaint | null> {
  const n = Number(id)
  return Number.isSafeInteger(n) && n > 0 ? Complaint.find(n) : null
}

export function findByNumber(number: unknown): Promise<Complaint | null> {
  return typeof number === 'string' && /^TS\d{16}$/.test(number)
    ? Complaint.findBy('number', number)
    : Promise.resolve(null)
}

/** The case with its trail (oldest first) and attachments, for every case page. */
export async function caseDetail(c: Complaint) {
  await c.load('steps', (q) => q.orderBy('id'))
  await c.load('attachments', (q) => q.orderBy('id'))
  return c
}

/** The trail as the institution sees it: without the bureau's internal steps. */
export function institutionTrail(c: Complaint): ComplaintStep[] {
  return c.steps.filter(institutionSeesStep)
}
