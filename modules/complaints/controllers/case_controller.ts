import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { sendPrivateFile } from '#kernel/shared/downloads'
import {
  AcceptResult,
  EscalateToBureau,
  RateHandling,
  ReopenCase,
  RequestReview,
  WithdrawCase,
} from '../actions/complainant_steps.js'
import ComplaintAttachment from '../models/complaint_attachment.js'
import type Complaint from '../models/complaint.js'
import ComplaintPolicy, { openedCases } from '../policies/complaint_policy.js'
import { caseDetail, findByNumber, findCase } from '../queries/cases.js'
import { complaintMessages, idParam } from '../services/http.js'
import { rateValidator, reasonValidator } from '../validators/complaint.js'
import encryption from '@adonisjs/core/services/encryption'

/** The tracking code flashed by filing, sealed (never in clear in the session store). */
function unsealTrackingCode(sealed: unknown): string | null {
  return typeof sealed === 'string' ? (encryption.decrypt<string>(sealed) ?? null) : null
}

/**
 * The complainant's view of a case: the trail, the answers, and what they
 * may do next. Anyone else gets "not found", so case numbers reveal nothing.
 */
export default class CaseController {
  async show(ctx: HttpContext) {
    const complaint = await this.#own(ctx)
    return ctx.view.render('complaints::case/show', {
      complaint: await caseDetail(complaint),
      trackingCode: unsealTrackingCode(ctx.session.flashMessages.get('sealedTrackingCode')),
    })
  }

  async escalate(ctx: HttpContext) {
    const complaint = await this.#own(ctx)
    const { reason } = await ctx.request.validateUsing(reasonValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    return this.#done(ctx, await new EscalateToBureau().handle(complaint.id, reason), 'escalated')
  }

  async accept(ctx: HttpContext) {
    const complaint = await this.#own(ctx)
    return this.#done(ctx, await new AcceptResult().handle(complaint.id), 'accepted')
  }

  async review(ctx: HttpContext) {
    const complaint = await this.#own(ctx)
    const { reason } = await ctx.request.validateUsing(reasonValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    return this.#done(
      ctx,
      await new RequestReview().handle(complaint.id, reason),
      'review_requested'
    )
  }

  async reopen(ctx: HttpContext) {
    const complaint = await this.#own(ctx)
    const { reason } = await ctx.request.validateUsing(reasonValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    return this.#done(ctx, await new ReopenCase().handle(complaint.id, reason), 'reopened')
  }

  async rate(ctx: HttpContext) {
    const complaint = await this.#own(ctx)
    const { rating, comment } = await ctx.request.validateUsing(rateValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    return this.#done(
      ctx,
      await new RateHandling().handle(complaint.id, rating, comment || null),
      'rated'
    )
  }

  async withdraw(ctx: HttpContext) {
    const complaint = await this.#own(ctx)
    return this.#done(ctx, await new WithdrawCase().handle(complaint.id), 'withdrawn')
  }

  /** Evidence opens for the complainant and the bureaus that see the case. */
  async attachment(ctx: HttpContext) {
    const file = await ComplaintAttachment.find(idParam(ctx.params.id))
    const complaint = file ? await findCase(file.complaintId) : null
    if (!file || !complaint) throw new NotFoundException()
    await ctx.bouncer.with(ComplaintPolicy).authorize('openEvidence', complaint, openedCases(ctx))
    return sendPrivateFile(ctx.response, {
      bytes: Buffer.from(await drive.use().getBytes(file.storageKey)),
      mimeType: file.mimeType,
      fileName: file.originalName,
      disposition: 'inline',
    })
  }

  async #own(ctx: HttpContext): Promise<Complaint> {
    await ctx.auth.check()
    const complaint = await findByNumber(ctx.params.number)
    if (!complaint) throw new NotFoundException()
    await ctx.bouncer.with(ComplaintPolicy).authorize('follow', complaint, openedCases(ctx))
    return complaint
  }

  #done(ctx: HttpContext, complaint: Complaint, what: string) {
    ctx.session.flash('success', ctx.i18n.t(`complaints.done.${what}`))
    return ctx.response.redirect().toRoute('complaint_cases.show', { number: complaint.number })
  }
}
