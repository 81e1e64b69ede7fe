import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { todayIso } from '#kernel/shared/dates'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { GRADES } from '#kernel/shared/school_grades'
import { inScope } from '#modules/identity'
import { institutionSummary, teachersOf } from '#modules/registry'
import { ApplyToCall } from '../actions/apply_to_call.js'
import AfterschoolCall from '../models/afterschool_call.js'
import CallPolicy from '../policies/call_policy.js'
import { applicationOf, callsFor } from '../queries/calls.js'
import { applicationValidator } from '../validators/call.js'

const positive = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

/** Institution terminal: the calls covering its region, its application and where it stands. */
export default class InstitutionCallsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(CallPolicy).authorize('applyAs')
    const institution = await this.#institution(ctx)
    const calls = await callsFor(institution.regionCode, positive(ctx.request.input('page')) || 1)
    calls.baseUrl(ctx.request.url())
    return ctx.view.render('afterschool::institution/index', { calls, today: todayIso() })
  }

  async show(ctx: HttpContext) {
    await ctx.bouncer.with(CallPolicy).authorize('applyAs')
    const institution = await this.#institution(ctx)
    const call = await AfterschoolCall.find(positive(ctx.params.id))
    /* A call of another region does not exist for this institution. */
    if (!call || !inScope(institution.regionCode, call.regionCode)) throw new NotFoundException()
    const [application, teachers] = await Promise.all([
      applicationOf(call.id, institution.id),
      teachersOf(institution.id),
    ])
    return ctx.view.render('afterschool::institution/show', {
      call,
      application,
      teachers,
      grades: GRADES,
      open: call.acceptsOn(todayIso()),
    })
  }

  async apply(ctx: HttpContext) {
    await ctx.bouncer.with(CallPolicy).authorize('apply')
    const { offers } = await ctx.request.validateUsing(applicationValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'afterschool.fields'),
    })
    const application = await new ApplyToCall().handle(
      ctx.auth.getUserOrFail(),
      positive(ctx.params.id),
      offers
    )
    ctx.session.flash(
      'success',
      ctx.i18n.t(application.eligible ? 'afterschool.applied_pass' : 'afterschool.applied_fail')
    )
    return ctx.response
      .redirect()
      .toRoute('institution_afterschool.show', { id: application.callId })
  }

  async #institution(ctx: HttpContext) {
    const institution = await institutionSummary(ctx.auth.getUserOrFail().orgId!)
    if (!institution) throw new NotFoundException()
    return institution
  }
}
