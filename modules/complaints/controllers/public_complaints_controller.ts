/* No Bouncer policy: the public complaint form and tracking, open to everyone (the tracking code is the key). */
import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import { DomainError } from '#kernel/exceptions/domain_error'
import { maskPhone } from '#kernel/shared/personal_data'
import { CheckVerificationCode, SendVerificationCode, requestMeta } from '#modules/identity'
import {
  findInstitutionsByName,
  institutionSummary,
  pickedRegion,
  regionPicker,
} from '#modules/registry'
import { FileComplaint } from '../actions/file_complaint.js'
import { COMPLAINT_TYPES, TARGET_TYPES } from '../models/complaint.js'
import { rememberOpened } from '../policies/complaint_policy.js'
import { findByNumber } from '../queries/cases.js'
import { trackingHash } from '../services/numbers.js'
import { complaintMessages, idParam, readAttachments } from '../services/http.js'
import { codeValidator, publicComplaintValidator, trackValidator } from '../validators/complaint.js'
import encryption from '@adonisjs/core/services/encryption'

/** The website's real-name complaint form (seeds/004 网上投诉) and the tracking of a case by its code. */
export default class PublicComplaintsController {
  async create(ctx: HttpContext) {
    const institution = await institutionSummary(idParam(ctx.request.input('institution')))
    return ctx.view.render('complaints::public/create', {
      institution: institution && !institution.removed ? institution : null,
      picker: regionPicker(null),
      targetTypes: TARGET_TYPES,
      complaintTypes: COMPLAINT_TYPES,
    })
  }

  /** htmx: texts a code to the phone typed in the form, answering with a one-line status. */
  async sendCode(ctx: HttpContext) {
    try {
      const { phone } = await codeValidator.validate(ctx.request.all(), {
        messagesProvider: complaintMessages(ctx),
      })
      await new SendVerificationCode().handle({
        phone,
        purpose: 'complaint',
        meta: requestMeta(ctx),
      })
      return ctx.view.render('complaints::public/_code_status', {
        ok: true,
        message: ctx.i18n.t('identity.code.sent', { phone: maskPhone(phone) }),
      })
    } catch (error) {
      const message =
        error instanceof DomainError
          ? ctx.i18n.t(error.messageKey, error.data)
          : ctx.i18n.t('complaints.errors.phone')
      return ctx.view.render('complaints::public/_code_status', { ok: false, message })
    }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(publicComplaintValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    const attachments = await readAttachments(ctx)
    const { complaint, trackingCode } = await new FileComplaint().handle({
      ...input,
      channel: 'public',
      authorUserId: null,
      targetRegionCode: pickedRegion(ctx.request.all(), 'region'),
      institutionId: input.targetType === 'institution' ? (input.institutionId ?? null) : null,
      targetName: input.targetName ?? '',
      orderId: null,
      attachments,
      verify: () => new CheckVerificationCode().handle(input.phone, 'complaint', input.code),
    })
    rememberOpened(ctx, complaint)
    /* Shown once on the next page; the session store (and its backups) only ever holds it sealed, for a quarter of an hour. */
    if (trackingCode)
      ctx.session.flash('sealedTrackingCode', encryption.encrypt(trackingCode, '15 minutes'))
    ctx.session.flash('success', ctx.i18n.t('complaints.filed', { number: complaint.number }))
    return ctx.response.redirect().toRoute('complaint_cases.show', { number: complaint.number })
  }

  async track(ctx: HttpContext) {
    return ctx.view.render('complaints::public/track')
  }

  /** Opens a case with its number and tracking code; ten wrong tries an hour per address. */
  async open(ctx: HttpContext) {
    const { number, trackingCode: code } = await ctx.request.validateUsing(trackValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    const tries = limiter.use({ requests: 10, duration: '1 hour' })
    const key = `complaint_track:${ctx.request.ip()}`
    const used = await tries.get(key)
    if (used && used.remaining <= 0)
      throw new DomainError(
        'complaints.errors.track_limit',
        {},
        { status: 429, field: 'trackingCode' }
      )
    const complaint = await findByNumber(number)
    if (
      !complaint ||
      !complaint.trackingHash ||
      complaint.trackingHash !== trackingHash(number, code)
    ) {
      await tries.increment(key)
      throw new DomainError('complaints.errors.track_wrong', {}, { field: 'trackingCode' })
    }
    rememberOpened(ctx, complaint)
    return ctx.response.redirect().toRoute('complaint_cases.show', { number })
  }

  /** htmx: registered institutions matching the name typed, in the chosen region. */
  async institutions(ctx: HttpContext) {
    const q = String(ctx.request.input('q') ?? '').slice(0, 40)
    const region = pickedRegion(ctx.request.qs(), 'region')
    const results = q.trim().length >= 2 ? await findInstitutionsByName(q, region, 10) : []
    return ctx.view.render('complaints::public/_institution_options', { results, q })
  }
}
