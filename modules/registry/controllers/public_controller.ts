/* No Bouncer policy: public website pages, open to everyone. */
import type { HttpContext } from '@adonisjs/core/http'
import RegistryDocument from '../models/document.js'
import Staff from '../models/staff.js'
import { listNotices, publicInstitution, searchInstitutions } from '../queries/public_queries.js'
import { readDocument } from '../services/documents.js'
import { pickedRegion, regionPicker } from '../services/region_picker.js'
import { CATEGORIES } from '../filing/fields.js'

const LISTS = ['white', 'grey', 'black'] as const

/** Public website: search, institution pages, lists, notices and code-plate verification. */
export default class PublicController {
  async search(ctx: HttpContext) {
    const qs = ctx.request.qs()
    const region = pickedRegion(qs, 'region')
    const filters = {
      q: typeof qs.q === 'string' ? qs.q.slice(0, 64) : null,
      region,
      list: (LISTS as readonly string[]).includes(qs.list) ? qs.list : null,
      category: (CATEGORIES as readonly string[]).includes(qs.category) ? qs.category : null,
      page: Number(qs.page) || 1,
    }
    const results = await searchInstitutions(filters)
    results.baseUrl(ctx.request.url())
    results.queryString({ ...qs, page: undefined })
    const view =
      ctx.request.header('hx-request') === 'true' && ctx.request.header('hx-target') === 'results'
        ? 'registry::public/_results'
        : 'registry::public/search'
    return ctx.view.render(view, {
      results,
      filters,
      picker: regionPicker(region),
      categories: CATEGORIES,
    })
  }

  async show(ctx: HttpContext) {
    const page = await publicInstitution(Number(ctx.params.id) || 0)
    if (!page) return ctx.response.notFound()
    if (page.institution.removedAt) ctx.response.status(410)
    return ctx.view.render('registry::public/show', page)
  }

  /** Teachers' photos are public (吉教联〔2019〕75号: 公示培训人员姓名、照片和教师资格证). */
  async staffPhoto(ctx: HttpContext) {
    const staff = await Staff.query()
      .where('id', Number(ctx.params.staffId) || 0)
      .where('institutionId', Number(ctx.params.id) || 0)
      .where('status', 'hired')
      .whereNotNull('photoDocumentId')
      .firstOrFail()
    const photo = await RegistryDocument.findOrFail(staff.photoDocumentId!)
    ctx.response.header('content-type', photo.mimeType)
    ctx.response.header('cache-control', 'public, max-age=3600')
    return ctx.response.send(await readDocument(photo))
  }

  async list(ctx: HttpContext) {
    const status = ctx.params.status
    if (!(LISTS as readonly string[]).includes(status)) return ctx.response.notFound()
    const region = pickedRegion(ctx.request.qs(), 'region')
    const results = await searchInstitutions({
      list: status,
      region,
      page: Number(ctx.request.input('page', 1)) || 1,
    })
    results.baseUrl(ctx.request.url())
    results.queryString({ ...ctx.request.qs(), page: undefined })
    return ctx.view.render('registry::public/list', {
      status,
      results,
      picker: regionPicker(region),
    })
  }

  async notices(ctx: HttpContext) {
    const region = pickedRegion(ctx.request.qs(), 'region')
    const notices = await listNotices(region, Number(ctx.request.input('page', 1)) || 1)
    notices.baseUrl(ctx.request.url())
    notices.queryString({ ...ctx.request.qs(), page: undefined })
    return ctx.view.render('registry::public/notices', { notices, picker: regionPicker(region) })
  }

  /** The page a code plate's QR opens: valid only with an untouched signature, showing the live status. */
  async verify(ctx: HttpContext) {
    const valid = ctx.request.hasValidSignature('plate')
    const page = valid ? await publicInstitution(Number(ctx.params.id) || 0) : null
    if (!valid || !page) ctx.response.status(valid ? 404 : 400)
    return ctx.view.render('registry::public/verify', { valid: !!page, page })
  }

  /** htmx: the region pickers again, one level further down. */
  async regionPicker(ctx: HttpContext) {
    const qs = ctx.request.qs()
    const name =
      typeof qs.name === 'string' && /^[a-zA-Z_]{1,32}$/.test(qs.name) ? qs.name : 'region'
    return ctx.view.render('registry::partials/region_picker_fragment', {
      picker: regionPicker(pickedRegion(qs, name)),
      name,
      label: typeof qs.label === 'string' ? qs.label.slice(0, 32) : '',
      required: qs.required === '1',
      errors: [],
    })
  }
}
