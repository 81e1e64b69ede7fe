import type { HttpContext } from '@adonisjs/core/http'
import encryption from '@adonisjs/core/services/encryption'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { unseal } from '#kernel/shared/personal_data'
import { type CurrentUser, recordAudit, requestMeta } from '#modules/identity'
import { pickedRegion, regionPicker } from '#modules/registry'
import {
  AcceptCase,
  CloseCase,
  DeclineCase,
  NoteInvestigation,
  ReplyToCase,
  TransferCase,
} from '../actions/bureau_handling.js'
import { COMPLAINT_TYPES } from '../models/complaint.js'
import type Complaint from '../models/complaint.js'
import ComplaintPolicy, { bureauCanAct, isHandlingBureau } from '../policies/complaint_policy.js'
import { BUREAU_TABS, bureauCases, caseDetail, caseFilters, findCase } from '../queries/cases.js'
import { complaintMessages, idParam } from '../services/http.js'
import { bureauName } from '../services/units.js'
import { todayIso } from '#kernel/shared/dates'
import {
  noteValidator,
  reasonValidator,
  replyValidator,
  transferValidator,
} from '../validators/complaint.js'

/** A bureau's complaint desk: what waits on it, every case of its region, and the handling steps. */
export default class BureauComplaintsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ComplaintPolicy).authorize('bureauIndex')
    const user = ctx.auth.getUserOrFail()
    const filters = caseFilters(ctx.request.qs())
    const cases = await bureauCases(user, filters, ctx.request.input('page'))
    cases
      .baseUrl(ctx.request.url())
      .queryString({ tab: filters.tab, type: filters.type ?? undefined, q: filters.q ?? undefined })
    return ctx.view.render('complaints::bureau/index', {
      cases,
      filters,
      tabs: BUREAU_TABS,
      complaintTypes: COMPLAINT_TYPES,
      today: todayIso(),
    })
  }

  async show(ctx: HttpContext) {
    const { user, complaint } = await this.#viewable(ctx)
    return this.#render(ctx, user, complaint, null)
  }

  /** The complainant's name and phone, for the handling bureau only, written to the audit log (Art. 19). */
  async reveal(ctx: HttpContext) {
    const { user, complaint } = await this.#viewable(ctx, 'reveal')
    await recordAudit({
      action: 'complaints.reveal_complainant',
      actor: user,
      subjectType: 'complaint',
      subjectId: complaint.id,
      summary: `查看投诉 ${complaint.number} 投诉人 ${complaint.nameMasked} 的联系方式`,
      regionCode: complaint.handlerRegionCode,
      meta: requestMeta(ctx),
    })
    const contact = {
      name: encryption.decrypt<string>(complaint.nameCipher) ?? complaint.nameMasked,
      phone: unseal(complaint.phoneCipher),
    }
    return this.#render(ctx, user, complaint, contact)
  }

  async accept(ctx: HttpContext) {
    const { user, complaint } = await this.#actionable(ctx)
    return this.#done(ctx, await new AcceptCase().handle(user, complaint.id), 'accepted_case')
  }

  async decline(ctx: HttpContext) {
    const { user, complaint } = await this.#actionable(ctx)
    const { reason } = await ctx.request.validateUsing(reasonValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    return this.#done(ctx, await new DeclineCase().handle(user, complaint.id, reason), 'declined')
  }

  async transfer(ctx: HttpContext) {
    const { user, complaint } = await this.#actionable(ctx)
    const { reason } = await ctx.request.validateUsing(transferValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    const to = pickedRegion(ctx.request.all(), 'to')
    if (!to) throw new DomainError('complaints.errors.transfer_region', {}, { field: 'to' })
    await new TransferCase().handle(user, complaint.id, to, reason)
    ctx.session.flash('success', ctx.i18n.t('complaints.done.transferred'))
    return ctx.response.redirect().toRoute('bureau_complaints.index')
  }

  async note(ctx: HttpContext) {
    const { user, complaint } = await this.#actionable(ctx)
    const { note } = await ctx.request.validateUsing(noteValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    return this.#done(ctx, await new NoteInvestigation().handle(user, complaint.id, note), 'noted')
  }

  async reply(ctx: HttpContext) {
    const { user, complaint } = await this.#actionable(ctx)
    const { reply, outcome } = await ctx.request.validateUsing(replyValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    return this.#done(
      ctx,
      await new ReplyToCase().handle(user, complaint.id, reply, outcome),
      'replied'
    )
  }

  async close(ctx: HttpContext) {
    const { user, complaint } = await this.#actionable(ctx)
    return this.#done(ctx, await new CloseCase().handle(user, complaint.id), 'closed')
  }

  async #render(
    ctx: HttpContext,
    user: CurrentUser,
    complaint: Complaint,
    contact: { name: string; phone: string } | null
  ) {
    return ctx.view.render('complaints::bureau/show', {
      complaint: await caseDetail(complaint),
      canAct: bureauCanAct(user, complaint),
      canReveal: isHandlingBureau(user, complaint),
      contact,
      picker: regionPicker(null),
      handlerName: bureauName(complaint.handlerRegionCode),
    })
  }

  async #viewable(ctx: HttpContext, ability: 'bureauShow' | 'reveal' | 'act' = 'bureauShow') {
    const complaint = await findCase(idParam(ctx.params.id))
    await ctx.bouncer.with(ComplaintPolicy).authorize(ability, complaint)
    if (!complaint) throw new NotFoundException()
    return { user: ctx.auth.getUserOrFail(), complaint }
  }

  #actionable(ctx: HttpContext) {
    return this.#viewable(ctx, 'act')
  }

  #done(ctx: HttpContext, complaint: Complaint, what: string) {
    ctx.session.flash('success', ctx.i18n.t(`complaints.done.${what}`))
    return ctx.response.redirect().toRoute('bureau_complaints.show', { id: complaint.id })
  }
}
