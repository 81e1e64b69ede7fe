import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { RecordAgreement } from '../actions/record_agreement.js'
import { entryCards } from '../queries/entry_cards.js'
import { choicesOf, entryFor } from '../queries/school_lists.js'
import { currentSchool, positive } from '../services/current_school.js'
import { agreementValidator } from '../validators/choice.js'

/** School terminal: the service agreement with a chosen provider, for a term. */
export default class SchoolAgreementsController {
  async create(ctx: HttpContext) {
    const school = await currentSchool(ctx)
    const applicationId = positive(ctx.params.applicationId)
    const [found, choices] = await Promise.all([
      entryFor(school.id, applicationId),
      choicesOf(school.id).where({ applicationId, status: 'chosen' }),
    ])
    if (!found || !choices.length) throw new NotFoundException()
    const cards = await entryCards([found.application])
    return ctx.view.render('afterschool_choices::school/agreement', {
      school,
      ...found,
      card: cards.get(found.application.id),
      choices,
    })
  }

  async store(ctx: HttpContext) {
    const school = await currentSchool(ctx)
    const input = await ctx.request.validateUsing(agreementValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'afterschool_choices.fields'),
    })
    const agreement = await new RecordAgreement().handle(
      ctx.auth.getUserOrFail(),
      school,
      positive(ctx.params.applicationId),
      input
    )
    ctx.session.flash(
      'success',
      ctx.i18n.t('afterschool_choices.agreement_recorded', { number: agreement.number })
    )
    return ctx.response.redirect().toRoute('school_afterschool.index')
  }
}
