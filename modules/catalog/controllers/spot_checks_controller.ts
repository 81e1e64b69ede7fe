import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import type { HttpContext } from '@adonisjs/core/http'
import { regionTree } from '#modules/identity'
import { institutionSummaries, institutionSummary } from '#modules/registry'
import { DrawSpotCheck } from '../actions/draw_spot_check.js'
import { ReviewSpotCheckItem } from '../actions/review_spot_check_item.js'
import Course from '../models/course.js'
import Material from '../models/material.js'
import SpotCheck from '../models/spot_check.js'
import SpotCheckItem from '../models/spot_check_item.js'
import CoursePolicy from '../policies/course_policy.js'
import { catalogMessages } from '../services/http.js'
import { spotCheckReviewValidator, spotCheckValidator } from '../validators/catalog.js'

async function findSpotCheck(ctx: HttpContext): Promise<SpotCheck> {
  const user = ctx.auth.getUserOrFail()
  const check = await SpotCheck.find(Number(ctx.params.id) > 0 ? Number(ctx.params.id) : 0)
  if (!check || !regionTree.isWithin(check.regionCode, user.regionCode ?? ''))
    throw new NotFoundException()
  return check
}

/** Management terminal: spot checks of training materials (思想性、科学性、适宜性). */
export default class SpotChecksController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(CoursePolicy).authorize('spotCheck')
    const user = ctx.auth.getUserOrFail()
    const query = SpotCheck.query()
    if (user.regionCode !== '000000') {
      query.whereIn('regionCode', [
        user.regionCode!,
        ...regionTree.descendants(user.regionCode!).map((r) => r.code),
      ])
    }
    const checks = await query
      .orderBy('id', 'desc')
      .paginate(Math.max(1, Number(ctx.request.input('page')) || 1), 20)
    checks.baseUrl(ctx.request.url())
    return ctx.view.render('catalog::spot_checks/index', { checks })
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(CoursePolicy).authorize('spotCheck')
    const user = ctx.auth.getUserOrFail()
    const regionOptions = [
      { value: user.regionCode!, label: user.regionName ?? user.regionCode! },
      ...regionTree.children(user.regionCode!).map((r) => ({ value: r.code, label: r.name })),
    ]
    return ctx.view.render('catalog::spot_checks/create', { regionOptions })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(CoursePolicy).authorize('spotCheck')
    const input = await ctx.request.validateUsing(spotCheckValidator, {
      messagesProvider: catalogMessages(ctx),
    })
    await ctx.bouncer.with(CoursePolicy).authorize('drawIn', input.regionCode)
    const check = await new DrawSpotCheck().handle(ctx.auth.getUserOrFail(), input)
    ctx.session.flash(
      'success',
      ctx.i18n.t('catalog.spot_checks.drawn', {
        size: check.sampleSize,
        population: check.population,
      })
    )
    return ctx.response.redirect().toRoute('spot_checks.show', { id: check.id })
  }

  async show(ctx: HttpContext) {
    await ctx.bouncer.with(CoursePolicy).authorize('spotCheck')
    const check = await findSpotCheck(ctx)
    const items = await SpotCheckItem.query().where('spotCheckId', check.id).orderBy('id')
    const materials = new Map(
      (
        await Material.query().whereIn(
          'id',
          items.map((i) => i.materialId)
        )
      ).map((m) => [m.id, m])
    )
    const courses = new Map(
      (
        await Course.query().whereIn(
          'id',
          [...materials.values()].map((m) => m.courseId)
        )
      ).map((c) => [c.id, c])
    )
    const institutions = await institutionSummaries(items.map((i) => i.institutionId))
    return ctx.view.render('catalog::spot_checks/show', {
      check,
      items,
      materials,
      courses,
      institutions,
    })
  }

  async review(ctx: HttpContext) {
    const item = await SpotCheckItem.find(Number(ctx.params.id) > 0 ? Number(ctx.params.id) : 0)
    const institution = item ? await institutionSummary(item.institutionId) : null
    if (!item || !institution) throw new NotFoundException()
    await ctx.bouncer.with(CoursePolicy).authorize('reviewMaterial', institution)
    const input = await ctx.request.validateUsing(spotCheckReviewValidator, {
      messagesProvider: catalogMessages(ctx),
    })
    const reviewed = await new ReviewSpotCheckItem().handle(ctx.auth.getUserOrFail(), item, input)
    ctx.session.flash(
      'success',
      ctx.i18n.t(
        reviewed.result === 'failed'
          ? 'catalog.spot_checks.failed_recorded'
          : 'catalog.spot_checks.passed_recorded'
      )
    )
    return ctx.response.redirect().toRoute('spot_checks.show', { id: item.spotCheckId })
  }
}
