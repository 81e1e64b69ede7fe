import type { HttpContext } from '@adonisjs/core/http'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { GRADES } from '#kernel/shared/school_grades'
import { requestMeta } from '#modules/identity'
import { openSchoolsIn } from '../../schools/queries/school_summaries.js'
import { AcceptInvitation } from '../actions/accept_invitation.js'
import { DestroyChild } from '../actions/destroy_child.js'
import { RevealChildId } from '../actions/reveal_child_id.js'
import { StoreChild } from '../actions/store_child.js'
import { INVITATION_HOURS, StoreInvitation } from '../actions/store_invitation.js'
import { UpdateChild } from '../actions/update_child.js'
import { RELATIONS } from '../models/child_guardian.js'
import ChildPolicy from '../policies/child_policy.js'
import { type ChildSummary, childSummariesOf, childSummaryOf } from '../queries/child_summaries.js'
import { countyPicker } from '../services/county_picker.js'
import {
  acceptInvitationValidator,
  childUpdateValidator,
  childValidator,
  countyPickValidator,
} from '../validators/child.js'

const messages = (ctx: HttpContext) => labelledMessages(ctx.i18n, 'students_children.fields')

/** The form's school choice as the action takes it: a register id, or a name typed for `other`. */
const schoolOf = (input: { school: string; schoolName?: string }) =>
  input.school === 'other'
    ? { schoolId: null, schoolName: input.schoolName ?? '' }
    : { schoolId: Number(input.school), schoolName: null }

/** Parent terminal: a parent's children, each added once and shared with a second guardian. */
export default class ChildrenController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('index')
    return ctx.view.render('students_children::index', {
      children: await childSummariesOf(ctx.auth.getUserOrFail().id),
    })
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('create')
    return this.#renderForm(ctx, null)
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('create')
    const { school, schoolName, ...input } = await ctx.request.validateUsing(childValidator, {
      messagesProvider: messages(ctx),
    })
    const child = await new StoreChild().handle(
      ctx.auth.getUserOrFail(),
      { ...input, ...schoolOf({ school, schoolName }) },
      requestMeta(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('students_children.added', { name: child.name }))
    return ctx.response.redirect().toRoute('children.show', { id: child.id })
  }

  async show(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('manage')
    const child = await childSummaryOf(ctx.auth.getUserOrFail().id, ctx.params.id)
    return ctx.view.render('students_children::show', { child, invitation: null })
  }

  async edit(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('manage')
    return this.#renderForm(ctx, await childSummaryOf(ctx.auth.getUserOrFail().id, ctx.params.id))
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('manage')
    const { school, schoolName, ...input } = await ctx.request.validateUsing(childUpdateValidator, {
      messagesProvider: messages(ctx),
    })
    await new UpdateChild().handle(
      ctx.auth.getUserOrFail(),
      ctx.params.id,
      { ...input, ...schoolOf({ school, schoolName }) },
      requestMeta(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('students_children.updated'))
    return ctx.response.redirect().toRoute('children.show', { id: ctx.params.id })
  }

  async remove(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('manage')
    const child = await childSummaryOf(ctx.auth.getUserOrFail().id, ctx.params.id)
    return ctx.view.render('students_children::remove', { child })
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('manage')
    const outcome = await new DestroyChild().handle(
      ctx.auth.getUserOrFail(),
      ctx.params.id,
      requestMeta(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t(`students_children.removed_${outcome}`))
    return ctx.response.redirect().toRoute('children.index')
  }

  /** The code is shown on this one page and nowhere else: no redirect, nothing in the session. */
  async invite(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('manage')
    const user = ctx.auth.getUserOrFail()
    const invitation = await new StoreInvitation().handle(user, ctx.params.id, requestMeta(ctx))
    const child = await childSummaryOf(user.id, ctx.params.id)
    ctx.response.header('cache-control', 'no-store')
    return ctx.view.render('students_children::show', {
      child,
      invitation: { ...invitation, hours: INVITATION_HOURS },
    })
  }

  async joinForm(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('join')
    return ctx.view.render('students_children::join', { relations: RELATIONS })
  }

  async join(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('join')
    const { code, relation } = await ctx.request.validateUsing(acceptInvitationValidator, {
      messagesProvider: messages(ctx),
    })
    const childId = await new AcceptInvitation().handle(
      ctx.auth.getUserOrFail(),
      code,
      relation,
      requestMeta(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('students_children.joined'))
    return ctx.response.redirect().toRoute('children.show', { id: childId })
  }

  /** The full ID number, for the guardian who asks; every look is audited. */
  async revealId(ctx: HttpContext) {
    await ctx.bouncer.with(ChildPolicy).authorize('manage')
    const id = await new RevealChildId().handle(
      ctx.auth.getUserOrFail(),
      ctx.params.id,
      requestMeta(ctx)
    )
    ctx.response.header('cache-control', 'no-store')
    return ctx.view.render('students_children::_id_number', { childId: ctx.params.id, id })
  }

  async #renderForm(ctx: HttpContext, child: ChildSummary | null) {
    const picked = await countyPickValidator.validate(ctx.request.qs())
    const picker = countyPicker(
      picked.county || picked.city || picked.province ? picked : { county: child?.countyCode }
    )
    return ctx.view.render('students_children::form', {
      child,
      picker,
      schools: picker.county ? await openSchoolsIn(picker.county) : [],
      grades: GRADES,
      relations: RELATIONS,
    })
  }
}
