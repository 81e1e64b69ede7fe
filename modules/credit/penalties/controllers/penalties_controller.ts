import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { requestMeta } from '#modules/identity'
import { findInstitutionsByName, institutionSummaries, institutionSummary } from '#modules/registry'
import { RecordPenalty } from '../actions/record_penalty.js'
import { PENALTY_KINDS } from '../models/penalty.js'
import PenaltyPolicy from '../policies/penalty_policy.js'
import { regionPenalties } from '../queries/penalties.js'
import { penaltyValidator } from '../validators/penalty.js'

const positive = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

/** Management terminal: the bureau's register of administrative penalty decisions. */
export default class PenaltiesController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(PenaltyPolicy).authorize('index')
    const user = ctx.auth.getUserOrFail()
    const penalties = await regionPenalties(user.regionCode, positive(ctx.request.input('page')))
    penalties.baseUrl(ctx.request.url())
    const institutions = await institutionSummaries(penalties.all().map((p) => p.institutionId))
    return ctx.view.render('credit_penalties::index', { penalties, institutions })
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(PenaltyPolicy).authorize('create')
    const id = positive(ctx.request.input('institution'))
    const institution = id ? await institutionSummary(id) : null
    if (institution) await ctx.bouncer.with(PenaltyPolicy).authorize('record', institution)
    /* Without an institution chosen, the bureau finds it by name within its region. */
    const q = String(ctx.request.input('q') ?? '').slice(0, 64)
    const matches =
      !institution && q ? await findInstitutionsByName(q, ctx.auth.getUserOrFail().regionCode) : []
    return ctx.view.render('credit_penalties::create', {
      institution,
      kinds: PENALTY_KINDS,
      q,
      matches,
    })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(PenaltyPolicy).authorize('create')
    const { institutionId, ...input } = await ctx.request.validateUsing(penaltyValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'credit_penalties.fields'),
    })
    const institution = await institutionSummary(institutionId)
    if (!institution) throw new NotFoundException()
    await ctx.bouncer.with(PenaltyPolicy).authorize('record', institution)
    const penalty = await new RecordPenalty().handle(
      ctx.auth.getUserOrFail(),
      institution,
      input,
      requestMeta(ctx)
    )
    ctx.session.flash(
      'success',
      ctx.i18n.t('credit_penalties.recorded', { number: penalty.documentNumber })
    )
    return ctx.response.redirect().toRoute('credit_penalties.index')
  }
}
