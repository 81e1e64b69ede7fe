import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { institutionSummary } from '#modules/registry'
import AfterschoolApplication from '../../calls/models/afterschool_application.js'
import { RateProvider } from '../actions/rate_provider.js'
import { agreementOf } from '../queries/school_lists.js'
import { currentSchool, positive } from '../services/current_school.js'
import { evaluationValidator } from '../validators/choice.js'

/** School terminal: the term-end rating of a provider it had an agreement with. */
export default class SchoolEvaluationsController {
  async create(ctx: HttpContext) {
    const school = await currentSchool(ctx)
    const agreement = await agreementOf(school.id, positive(ctx.params.id))
    if (!agreement) throw new NotFoundException()
    const application = await AfterschoolApplication.findOrFail(agreement.applicationId)
    return ctx.view.render('afterschool_choices::school/evaluation', {
      school,
      agreement,
      institution: await institutionSummary(application.institutionId),
    })
  }

  async store(ctx: HttpContext) {
    const school = await currentSchool(ctx)
    const input = await ctx.request.validateUsing(evaluationValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'afterschool_choices.fields'),
    })
    await new RateProvider().handle(
      ctx.auth.getUserOrFail(),
      school,
      positive(ctx.params.id),
      input
    )
    ctx.session.flash('success', ctx.i18n.t('afterschool_choices.rated'))
    return ctx.response.redirect().toRoute('school_afterschool.index')
  }
}
