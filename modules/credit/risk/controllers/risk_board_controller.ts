import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { institutionSummaries, institutionSummary } from '#modules/registry'
import { LiftRiskWarning } from '../actions/lift_risk_warning.js'
import { INDICATOR_KEYS } from '../indicators.js'
import RiskWarningPolicy from '../policies/risk_warning_policy.js'
import { openWarningsIn, riskBoard, warningInScope } from '../queries/risk_board.js'
import { warningHistory } from '../queries/warnings_of.js'
import { salesFrozenBy } from '../sales_freeze.js'
import { liftValidator } from '../validators/risk_warning.js'

const positive = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

/** Management terminal: the risk board of the bureau's region, a warning with its evidence, lifting it. */
export default class RiskBoardController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(RiskWarningPolicy).authorize('board')
    const scope = ctx.auth.getUserOrFail().regionCode
    const cells = await riskBoard(scope)
    const open = await openWarningsIn(scope, positive(ctx.request.input('page')) || 1, cells)
    open.paginator.baseUrl(ctx.request.url())
    const institutions = await institutionSummaries(open.rows.map((w) => w.institutionId))
    return ctx.view.render('credit_risk::manage/index', {
      cells,
      open,
      institutions,
      indicators: INDICATOR_KEYS,
    })
  }

  async show(ctx: HttpContext) {
    const warning = await this.#warning(ctx)
    await ctx.bouncer.with(RiskWarningPolicy).authorize('view', warning)
    const [institution, history, salesFrozen] = await Promise.all([
      institutionSummary(warning.institutionId),
      warningHistory(warning.id),
      salesFrozenBy(warning),
    ])
    return ctx.view.render('credit_risk::manage/show', {
      warning,
      institution,
      history,
      salesFrozen,
    })
  }

  async lift(ctx: HttpContext) {
    const warning = await this.#warning(ctx)
    await ctx.bouncer.with(RiskWarningPolicy).authorize('lift', warning)
    const { note } = await ctx.request.validateUsing(liftValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'credit_risk.fields'),
    })
    const lifted = await new LiftRiskWarning().handle(ctx.auth.getUserOrFail(), {
      warningId: warning.id,
      note,
    })
    ctx.session.flash(
      lifted ? 'success' : 'error',
      ctx.i18n.t(lifted ? 'credit_risk.lifted' : 'credit_risk.errors.lifted')
    )
    return ctx.response.redirect().toRoute('risk_board.show', { id: warning.id })
  }

  /* A warning outside the bureau's region does not exist for it. */
  async #warning(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (user.role !== 'admin') await ctx.bouncer.with(RiskWarningPolicy).authorize('board')
    const warning = await warningInScope(positive(ctx.params.id), user.regionCode)
    if (!warning) throw new NotFoundException()
    return warning
  }
}
