import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { AnswerRiskWarning } from '../actions/answer_risk_warning.js'
import RiskWarningPolicy from '../policies/risk_warning_policy.js'
import { warningOfInstitution } from '../queries/risk_board.js'
import { warningHistory, warningsOf } from '../queries/warnings_of.js'
import { salesFrozenBy } from '../sales_freeze.js'
import { answerValidator } from '../validators/risk_warning.js'

const positive = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

/** Institution terminal: its own risk warnings, each with its evidence and its answer. */
export default class InstitutionRiskController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(RiskWarningPolicy).authorize('ownList')
    const institutionId = ctx.auth.getUserOrFail().orgId!
    const warnings = await warningsOf(institutionId, { includeLifted: true })
    return ctx.view.render('credit_risk::institution/index', { warnings })
  }

  async show(ctx: HttpContext) {
    const warning = await this.#own(ctx)
    const [history, salesFrozen] = await Promise.all([
      warningHistory(warning.id),
      salesFrozenBy(warning),
    ])
    return ctx.view.render('credit_risk::institution/show', { warning, history, salesFrozen })
  }

  async answer(ctx: HttpContext) {
    const warning = await this.#own(ctx)
    const { answer } = await ctx.request.validateUsing(answerValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'credit_risk.fields'),
    })
    await new AnswerRiskWarning().handle(ctx.auth.getUserOrFail(), {
      warningId: warning.id,
      answer,
    })
    ctx.session.flash('success', ctx.i18n.t('credit_risk.answered'))
    return ctx.response.redirect().toRoute('institution_risk.show', { id: warning.id })
  }

  /* Another institution's warning does not exist for this one. */
  async #own(ctx: HttpContext) {
    await ctx.bouncer.with(RiskWarningPolicy).authorize('ownList')
    const warning = await warningOfInstitution(
      positive(ctx.params.id),
      ctx.auth.getUserOrFail().orgId!
    )
    if (!warning) throw new NotFoundException()
    await ctx.bouncer.with(RiskWarningPolicy).authorize('answer', warning)
    return warning
  }
}
