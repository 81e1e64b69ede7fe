import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type Grade, GRADES, stageOf } from '#kernel/shared/school_grades'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { ChooseProvider } from '../actions/choose_provider.js'
import { EndChoice } from '../actions/end_choice.js'
import { entryCards } from '../queries/entry_cards.js'
import { entryFor } from '../queries/school_lists.js'
import { currentSchool, positive } from '../services/current_school.js'
import { choiceValidator } from '../validators/choice.js'

const messages = (ctx: HttpContext) => ({
  messagesProvider: labelledMessages(ctx.i18n, 'afterschool_choices.fields'),
})

/** School terminal: a listed project into a slot, and ending a choice. */
export default class SchoolChoicesController {
  async create(ctx: HttpContext) {
    const school = await currentSchool(ctx)
    const found = await entryFor(school.id, positive(ctx.params.applicationId))
    if (!found) throw new NotFoundException()
    const offerIndex = Number(ctx.request.input('offer', 0))
    const offer = found.application.offers[offerIndex]
    if (!offer) throw new NotFoundException()
    const cards = await entryCards([found.application])
    return ctx.view.render('afterschool_choices::school/choose', {
      school,
      ...found,
      card: cards.get(found.application.id),
      offer,
      offerIndex,
      /* The project's grades the school teaches: the only ones it may choose. */
      grades: offer.grades.filter(
        (g) =>
          (GRADES as readonly string[]).includes(g) && school.stages.includes(stageOf(g as Grade))
      ),
    })
  }

  async store(ctx: HttpContext) {
    const school = await currentSchool(ctx)
    const input = await ctx.request.validateUsing(choiceValidator, messages(ctx))
    const choice = await new ChooseProvider().handle(
      ctx.auth.getUserOrFail(),
      school,
      positive(ctx.params.applicationId),
      input
    )
    ctx.session.flash(
      'success',
      ctx.i18n.t('afterschool_choices.chosen', { name: choice.offerName })
    )
    return ctx.response.redirect().toRoute('school_afterschool.index')
  }

  async end(ctx: HttpContext) {
    const school = await currentSchool(ctx)
    const choice = await new EndChoice().handle(
      ctx.auth.getUserOrFail(),
      school,
      positive(ctx.params.id),
      ctx.request.input('confirmed') === 'yes'
    )
    ctx.session.flash(
      'success',
      ctx.i18n.t('afterschool_choices.ended', { name: choice.offerName })
    )
    return ctx.response.redirect().toRoute('school_afterschool.index')
  }
}
