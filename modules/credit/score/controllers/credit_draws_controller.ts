import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { regionTree } from '#modules/identity'
import { institutionSummaries } from '#modules/registry'
import { DrawByGrade } from '../actions/draw_by_grade.js'
import CreditDraw from '../models/credit_draw.js'
import DrawPolicy from '../policies/draw_policy.js'
import { INSPECTION_WEIGHTS } from '../weighted_draw.js'
import { drawValidator } from '../validators/draw.js'

/** Management terminal: institutions drawn for inspection, weighted by credit grade. */
export default class CreditDrawsController {
  async create(ctx: HttpContext) {
    await ctx.bouncer.with(DrawPolicy).authorize('plan')
    const user = ctx.auth.getUserOrFail()
    const regionOptions = [
      { value: user.regionCode!, label: user.regionName ?? user.regionCode! },
      ...regionTree.children(user.regionCode!).map((r) => ({ value: r.code, label: r.name })),
    ]
    return ctx.view.render('credit_score::draws/create', {
      regionOptions,
      weights: INSPECTION_WEIGHTS,
    })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(DrawPolicy).authorize('plan')
    const input = await ctx.request.validateUsing(drawValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'credit_score.fields'),
    })
    await ctx.bouncer.with(DrawPolicy).authorize('drawIn', input.regionCode)
    const draw = await new DrawByGrade().handle(ctx.auth.getUserOrFail(), input)
    ctx.session.flash(
      'success',
      ctx.i18n.t('credit_score.draws.drawn', { size: draw.sampleSize, population: draw.population })
    )
    return ctx.response.redirect().toRoute('credit_draws.show', { id: draw.id })
  }

  async show(ctx: HttpContext) {
    await ctx.bouncer.with(DrawPolicy).authorize('plan')
    const n = Number(ctx.params.id)
    const draw = await CreditDraw.find(Number.isSafeInteger(n) && n > 0 ? n : 0)
    if (!draw) throw new NotFoundException()
    await ctx.bouncer.with(DrawPolicy).authorize('show', draw)
    const institutions = await institutionSummaries(draw.drawn.map((d) => d.institutionId))
    return ctx.view.render('credit_score::draws/show', { draw, institutions })
  }
}
