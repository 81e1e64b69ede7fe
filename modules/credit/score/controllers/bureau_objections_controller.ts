import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { institutionSummaries } from '#modules/registry'
import { AnswerObjection } from '../actions/answer_objection.js'
import CreditObjection from '../models/credit_objection.js'
import ObjectionPolicy from '../policies/objection_policy.js'
import { regionObjections } from '../queries/objections.js'
import { objectionAnswerValidator } from '../validators/objection.js'

const positive = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

/** Management terminal: objections to credit scores in the bureau's region, and their answers. */
export default class BureauObjectionsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ObjectionPolicy).authorize('index')
    const user = ctx.auth.getUserOrFail()
    const objections = await regionObjections(user.regionCode, positive(ctx.request.input('page')))
    objections.baseUrl(ctx.request.url())
    const institutions = await institutionSummaries(objections.all().map((o) => o.institutionId))
    return ctx.view.render('credit_score::bureau', { objections, institutions })
  }

  async answer(ctx: HttpContext) {
    const objection = await CreditObjection.find(positive(ctx.params.id))
    if (!objection) throw new NotFoundException()
    await ctx.bouncer.with(ObjectionPolicy).authorize('answer', objection)
    const input = await ctx.request.validateUsing(objectionAnswerValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'credit_score.fields'),
    })
    await new AnswerObjection().handle(ctx.auth.getUserOrFail(), objection.id, input)
    ctx.session.flash('success', ctx.i18n.t('credit_score.objections.answered'))
    return ctx.response.redirect().toRoute('credit_objections.index')
  }
}
