/* No Bouncer policy: public website pages, open to everyone. */
import type { HttpContext } from '@adonisjs/core/http'
import { fenFromYuan } from '#kernel/shared/money'
import { institutionSummaries, pickedRegion, regionPicker } from '#modules/registry'
import { CATEGORIES, KINDS, STAGES, SUBJECTS } from '../course/vocabulary.js'
import { saleableCourses, searchCourses } from '../queries/courses.js'
import { courseView } from '../services/course_view.js'
import { salesFreezesOf } from '../services/sales_freezes.js'
import { templatePreview } from '../services/template_preview.js'

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | null =>
  (list as readonly unknown[]).includes(value) ? (value as T) : null

function maxPrice(value: unknown): number | null {
  if (typeof value !== 'string' || !value.trim()) return null
  try {
    const fen = fenFromYuan(value)
    return fen >= 0 ? fen : null
  } catch {
    return null
  }
}

/** Public website: course search and course pages (only courses on sale of white-listed institutions). */
export default class PublicCoursesController {
  async search(ctx: HttpContext) {
    const qs = ctx.request.qs()
    const region = pickedRegion(qs, 'region')
    const filters = {
      q: typeof qs.q === 'string' ? qs.q.slice(0, 64) : null,
      region,
      kind: oneOf(KINDS, qs.kind),
      subject: oneOf(SUBJECTS, qs.subject),
      category: oneOf(CATEGORIES, qs.category),
      stage: oneOf(STAGES, qs.stage),
      delivery: oneOf(['offline', 'online'] as const, qs.delivery),
      maxPriceFen: maxPrice(qs.maxPrice),
      institutionId: Number(qs.institution) > 0 ? Number(qs.institution) : null,
      sort: oneOf(['new', 'price', 'start'] as const, qs.sort) ?? 'new',
      page: qs.page,
    }
    const results = await searchCourses(filters)
    results.baseUrl(ctx.request.url())
    results.queryString({ ...qs, page: undefined })
    const institutions = await institutionSummaries(results.all().map((c) => c.institutionId))
    const partial =
      ctx.request.header('hx-request') === 'true' &&
      ctx.request.header('hx-target') === 'course-results'
    return ctx.view.render(partial ? 'catalog::public/_results' : 'catalog::public/search', {
      results,
      institutions,
      filters: { ...filters, maxPrice: typeof qs.maxPrice === 'string' ? qs.maxPrice : '' },
      picker: regionPicker(region),
      institutionName: filters.institutionId
        ? (institutions.get(filters.institutionId)?.name ?? null)
        : null,
    })
  }

  async show(ctx: HttpContext) {
    const course = await saleableCourses()
      .where('id', Number(ctx.params.id) || 0)
      .first()
    if (!course) return ctx.response.notFound()
    const view = await courseView(course)
    return ctx.view.render('catalog::public/show', {
      ...view,
      contract: await templatePreview(view),
      freezes: await salesFreezesOf(course.institutionId),
    })
  }
}
