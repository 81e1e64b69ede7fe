import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { todayIso } from '#kernel/shared/dates'
import type { CurrentUser } from '#modules/identity'
import { whereInstitution } from '#modules/registry'
import Course from '../models/course.js'
import { COURSE_STATUSES, type CourseStatus } from '../course/vocabulary.js'

const PER_PAGE = 20
const page = (n: unknown) => Math.max(1, Math.min(Number(n) || 1, 500))

export async function findCourse(id: unknown): Promise<Course> {
  const numeric = Number(id)
  const course = await Course.find(Number.isSafeInteger(numeric) && numeric > 0 ? numeric : 0)
  if (!course) throw new NotFoundException()
  return course
}

export async function institutionCourses(institutionId: number, pageNumber: unknown) {
  return Course.query()
    .where('institutionId', institutionId)
    .orderByRaw(
      `CASE status WHEN 'rejected' THEN 0 WHEN 'taken_down' THEN 1 WHEN 'draft' THEN 2 WHEN 'pending' THEN 3 ELSE 4 END`
    )
    .orderBy('id', 'desc')
    .paginate(page(pageNumber), PER_PAGE)
}

/** Courses of the bureau's region, pending ones first. */
export async function regionCourses(
  user: CurrentUser,
  filters: { status?: string | null; page?: unknown }
) {
  const query = Course.query()
  whereInstitution(query, 'institution_id', { region: user.regionCode })
  if (filters.status && (COURSE_STATUSES as readonly string[]).includes(filters.status))
    query.where('status', filters.status as CourseStatus)
  return query
    .orderByRaw(`CASE status WHEN 'pending' THEN 0 ELSE 1 END`)
    .orderBy('submittedAt', 'asc')
    .orderBy('id', 'desc')
    .paginate(page(filters.page), PER_PAGE)
}

export async function pendingCount(user: CurrentUser): Promise<number> {
  const query = Course.query().where('status', 'pending')
  whereInstitution(query, 'institution_id', { region: user.regionCode })
  return Number((await query.count('* as n'))[0]!.$extras.n)
}

export interface PublicCourseFilters {
  q?: string | null
  region?: string | null
  kind?: string | null
  subject?: string | null
  category?: string | null
  stage?: string | null
  delivery?: string | null
  maxPriceFen?: number | null
  institutionId?: number | null
  sort?: 'new' | 'price' | 'start'
  page?: unknown
}

const escapeLike = (term: string) => term.replace(/[%_\\]/g, (c) => `\\${c}`)

/** What parents may buy: courses on sale of institutions that are filed, white-listed and not removed. */
export function saleableCourses() {
  return whereInstitution(
    Course.query().where('status', 'on_sale').where('endDate', '>=', todayIso()),
    'institution_id',
    { sellable: true }
  )
}

/**
 * The public search: courses parents may sign up for now. Courses of an
 * institution whose new sales are frozen are left out (their pages stay
 * open and say why signing is paused).
 */
export async function searchCourses(filters: PublicCourseFilters) {
  const query = saleableCourses().whereNotExists((open) =>
    open
      .from('sales_freezes')
      .whereColumn('sales_freezes.institution_id', 'courses.institution_id')
      .whereNull('sales_freezes.lifted_at')
  )
  if (filters.region) whereInstitution(query, 'institution_id', { region: filters.region })
  if (filters.institutionId) query.where('institutionId', filters.institutionId)
  if (filters.kind) query.where('kind', filters.kind)
  if (filters.subject) query.where('subject', filters.subject)
  if (filters.category) query.where('category', filters.category)
  if (filters.delivery) query.where('delivery', filters.delivery)
  if (filters.stage) query.whereRaw('stages @> ARRAY[?]::text[]', [filters.stage])
  if (filters.maxPriceFen !== null && filters.maxPriceFen !== undefined)
    query.where('pricePerClassFen', '<=', filters.maxPriceFen)
  const q = filters.q?.trim()
  if (q) {
    for (const term of q.split(/\s+/).filter(Boolean).slice(0, 5))
      query.whereILike('name', `%${escapeLike(term)}%`)
  }
  if (filters.sort === 'price') query.orderBy('pricePerClassFen', 'asc')
  else if (filters.sort === 'start') query.orderBy('startDate', 'asc')
  else query.orderBy('listedAt', 'desc')
  return query.orderBy('id', 'desc').paginate(page(filters.page), PER_PAGE)
}
