import type { HttpContext } from '@adonisjs/core/http'
import { todayIso } from '#kernel/shared/dates'
import { ordersOfParent, orderFacts } from '#modules/funds'
import { contractSummaries } from '#modules/catalog'
import {
  institutionSummaries,
  institutionSummary,
  pickedRegion,
  regionPicker,
} from '#modules/registry'
import { FileComplaint } from '../actions/file_complaint.js'
import { COMPLAINT_TYPES, TARGET_TYPES } from '../models/complaint.js'
import ComplaintPolicy from '../policies/complaint_policy.js'
import { parentCases } from '../queries/cases.js'
import { complaintMessages, idParam, readAttachments } from '../services/http.js'
import { parentComplaintValidator } from '../validators/complaint.js'

/** The parent terminal: my complaints, and filing one about an order or anything else. */
export default class ParentComplaintsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ComplaintPolicy).authorize('parentIndex')
    const user = ctx.auth.getUserOrFail()
    const cases = await parentCases(user.id, ctx.request.input('page'))
    cases.baseUrl(ctx.request.url())
    return ctx.view.render('complaints::parent/index', { cases, today: todayIso() })
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(ComplaintPolicy).authorize('file')
    const user = ctx.auth.getUserOrFail()
    const orders = await ordersOfParent(user.id)
    const [contracts, institutions] = await Promise.all([
      contractSummaries(orders.map((o) => o.contractId)),
      institutionSummaries(orders.map((o) => o.institutionId)),
    ])
    const preselected = orders.find((o) => o.id === idParam(ctx.request.input('order')))
    const institution = await institutionSummary(
      idParam(ctx.request.input('institution')) || preselected?.institutionId || 0
    )
    return ctx.view.render('complaints::parent/create', {
      orders: orders.map((o) => ({
        id: o.id,
        label: `${o.number} · ${institutions.get(o.institutionId)?.name ?? ''} · ${contracts.get(o.contractId)?.courseName ?? ''}`,
      })),
      preselectedOrder: preselected?.id ?? null,
      institution: institution && !institution.removed ? institution : null,
      picker: regionPicker(null),
      targetTypes: TARGET_TYPES,
      complaintTypes: COMPLAINT_TYPES,
      name: user.displayName,
    })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ComplaintPolicy).authorize('file')
    const user = ctx.auth.getUserOrFail()
    const input = await ctx.request.validateUsing(parentComplaintValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    const attachments = await readAttachments(ctx)
    const order = input.orderId ? await orderFacts(input.orderId) : null
    const institutionId =
      input.targetType === 'institution'
        ? (input.institutionId ?? (order?.parentUserId === user.id ? order.institutionId : null))
        : null
    const { complaint } = await new FileComplaint().handle({
      ...input,
      channel: 'parent',
      authorUserId: user.id,
      targetRegionCode: pickedRegion(ctx.request.all(), 'region'),
      institutionId,
      targetName: input.targetName ?? '',
      orderId: input.orderId ?? null,
      attachments,
    })
    ctx.session.flash('success', ctx.i18n.t('complaints.filed', { number: complaint.number }))
    return ctx.response.redirect().toRoute('complaint_cases.show', { number: complaint.number })
  }
}
