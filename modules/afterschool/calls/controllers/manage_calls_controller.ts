import type { HttpContext } from '@adonisjs/core/http'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { institutionSummaries } from '#modules/registry'
import { openSchoolsIn, schoolSummaries } from '#modules/students'
import { CHECK_KEYS } from '../../eligibility/criteria.js'
import { DecideApplicant } from '../actions/decide_applicant.js'
import { OpenCall } from '../actions/open_call.js'
import { PublishCall } from '../actions/publish_call.js'
import AfterschoolCall from '../models/afterschool_call.js'
import CallPolicy from '../policies/call_policy.js'
import { applicationsOf, callsIn } from '../queries/calls.js'
import { CALL_CATEGORIES, callValidator, decisionValidator } from '../validators/call.js'

const positive = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

/** Management terminal: a bureau's calls for after-school providers, the comparison, the list. */
export default class ManageCallsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(CallPolicy).authorize('index')
    const user = ctx.auth.getUserOrFail()
    const calls = await callsIn(user.regionCode, positive(ctx.request.input('page')) || 1)
    calls.baseUrl(ctx.request.url())
    return ctx.view.render('afterschool::manage/index', {
      calls,
      canOpen: await ctx.bouncer.with(CallPolicy).allows('open'),
    })
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(CallPolicy).authorize('open')
    const schools = await openSchoolsIn(ctx.auth.getUserOrFail().regionCode!)
    return ctx.view.render('afterschool::manage/create', { schools, categories: CALL_CATEGORIES })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(CallPolicy).authorize('open')
    const input = await ctx.request.validateUsing(callValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'afterschool.fields'),
    })
    const call = await new OpenCall().handle(ctx.auth.getUserOrFail(), input)
    ctx.session.flash('success', ctx.i18n.t('afterschool.opened', { title: call.title }))
    return ctx.response.redirect().toRoute('afterschool_calls.show', { id: call.id })
  }

  async show(ctx: HttpContext) {
    const call = await this.#call(ctx, 'view')
    const applications = await applicationsOf(call.id)
    const [institutions, schools] = await Promise.all([
      institutionSummaries(applications.map((a) => a.institutionId)),
      schoolSummaries(call.schoolIds),
    ])
    return ctx.view.render('afterschool::manage/show', {
      call,
      applications,
      institutions,
      schools: call.schoolIds.map((id) => schools.get(id)).filter(Boolean),
      checkKeys: CHECK_KEYS,
      canDecide: await ctx.bouncer.with(CallPolicy).allows('decide', call),
    })
  }

  async decide(ctx: HttpContext) {
    const call = await this.#call(ctx, 'decide')
    const input = await ctx.request.validateUsing(decisionValidator, {
      messagesProvider: labelledMessages(ctx.i18n, 'afterschool.fields'),
    })
    await new DecideApplicant().handle(
      ctx.auth.getUserOrFail(),
      call,
      positive(ctx.params.applicationId),
      input
    )
    ctx.session.flash('success', ctx.i18n.t(`afterschool.decided.${input.decision}`))
    return ctx.response.redirect().toRoute('afterschool_calls.show', { id: call.id })
  }

  async publish(ctx: HttpContext) {
    const call = await this.#call(ctx, 'decide')
    /* Publishing is what schools see: the bureau ticks that it checked the list. */
    if (ctx.request.input('confirmed') !== 'yes')
      throw new DomainError('afterschool.errors.confirm', {}, { field: 'confirmed' })
    const { listed } = await new PublishCall().handle(ctx.auth.getUserOrFail(), call.id)
    ctx.session.flash('success', ctx.i18n.t('afterschool.published', { count: listed }))
    return ctx.response.redirect().toRoute('afterschool_calls.show', { id: call.id })
  }

  async #call(ctx: HttpContext, ability: 'view' | 'decide') {
    const call = await AfterschoolCall.find(positive(ctx.params.id))
    if (!call) throw new NotFoundException()
    await ctx.bouncer.with(CallPolicy).authorize(ability, call)
    return call
  }
}
