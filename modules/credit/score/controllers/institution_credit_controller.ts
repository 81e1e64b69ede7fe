import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { actingInstitutionId } from '#modules/identity'
import { institutionSummary } from '#modules/registry'
import { FileObjection } from '../actions/file_objection.js'
import ObjectionPolicy from '../policies/objection_policy.js'
import { institutionObjections } from '../queries/objections.js'
import { currentScore, scoreHistory } from '../queries/public_score.js'
import { objectionValidator } from '../validators/objection.js'

/** Institution terminal: its own credit grade, what moved it, and its objections. */
export default class InstitutionCreditController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.with(ObjectionPolicy).authorize('view')
    const institutionId = actingInstitutionId(ctx)
    const [score, history, objections] = await Promise.all([
      currentScore(institutionId),
      scoreHistory(institutionId),
      institutionObjections(institutionId),
    ])
    return ctx.view.render('credit_score::institution', {
      institutionId,
      score,
      history,
      objections,
    })
  }

  async object(ctx: HttpContext) {
    const { institutionId, reason } = await ctx.request.validateUsing(objectionValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'credit_score.fields'),
    })
    await ctx.bouncer.with(ObjectionPolicy).authorize('file', institutionId)
    const institution = await institutionSummary(institutionId)
    if (!institution) throw new NotFoundException()
    await new FileObjection().handle(ctx.auth.getUserOrFail(), institution, reason)
    ctx.session.flash('success', ctx.i18n.t('credit_score.objections.filed'))
    return ctx.response.redirect().toRoute('institution_credit.show')
  }
}
