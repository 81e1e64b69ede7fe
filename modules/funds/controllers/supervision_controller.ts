import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import {
  type CurrentUser,
  applyRegionScope,
  inScope,
  recordAudit,
  regionTree,
} from '#modules/identity'
import { contractSummary } from '#modules/catalog'
import { institutionSummaries, institutionSummary, isResponsibleBureau } from '#modules/registry'
import { formatYuan } from '#kernel/shared/money'
import { RefundAllUnconsumed } from '../actions/refund_all_unconsumed.js'
import { positionOf } from '../actions/reconcile.js'
import FundAnomaly from '../models/fund_anomaly.js'
import BankInstruction from '../models/bank_instruction.js'
import { ResolveInstruction } from '../actions/resolve_instruction.js'
import Order from '../models/order.js'
import SupervisedAccount from '../models/supervised_account.js'
import OrderPolicy from '../policies/order_policy.js'
import SupervisionPolicy from '../policies/supervision_policy.js'
import { orderStatement, pageOf, regionOrders } from '../queries/orders.js'
import { supervisionByInstitution, supervisionByRegion } from '../queries/supervision.js'
import { fundsMessages, idParam } from '../services/http.js'
import { bureauRefundValidator, closeAnomalyValidator } from '../validators/funds.js'

/** The signed-in bureau, once the policy has let it through (so it has a region). */
function bureau(ctx: HttpContext): CurrentUser & { regionCode: string } {
  return ctx.auth.getUserOrFail() as CurrentUser & { regionCode: string }
}

/** The institution in the route, or null (the policy answers 404 once the role is let in). */
const institutionOf = (ctx: HttpContext) => institutionSummary(idParam(ctx.params.id))

/** Fund supervision for bureaus (Art. 13, 14): region → institution → order → ledger entry, each level only within the viewer's region. */
export default class SupervisionController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(SupervisionPolicy).authorize('index')
    const user = bureau(ctx)
    const asked = String(ctx.request.input('region') ?? '')
    const scope =
      asked && regionTree.has(asked) && inScope(asked, user.regionCode) ? asked : user.regionCode
    const region = regionTree.get(scope)
    const leaf = region?.level === 3
    const summary = await supervisionByRegion(scope)
    const institutions =
      leaf || ctx.request.input('institutions')
        ? await supervisionByInstitution(scope, pageOf(ctx.request.input('page')))
        : null
    institutions?.baseUrl(ctx.request.url())
    institutions?.queryString({ region: scope, institutions: leaf ? undefined : 1 })
    const names = institutions
      ? await institutionSummaries(institutions.all().map((r: any) => r.institution_id))
      : new Map()
    const trail =
      scope === user.regionCode
        ? []
        : regionTree.ancestors(scope).filter((r) => inScope(r.code, user.regionCode))
    return ctx.view.render('funds::manage/index', {
      scope,
      region,
      summary,
      institutions,
      names,
      trail,
      leaf,
      openAnomalies: summary.total.openAnomalies,
    })
  }

  async institution(ctx: HttpContext) {
    const institution = await institutionOf(ctx)
    await ctx.bouncer.with(SupervisionPolicy).authorize('institution', institution)
    if (!institution) throw new NotFoundException()
    const user = bureau(ctx)
    const account = await SupervisedAccount.findBy('institutionId', institution.id)
    const position = account ? await positionOf(account) : null
    const orders = await regionOrders(user, ctx.request.input('page'), institution.id)
    orders.baseUrl(ctx.request.url())
    const anomalies = await FundAnomaly.query()
      .where('institutionId', institution.id)
      .orderBy('detectedAt', 'desc')
      .limit(50)
    const rejected = account
      ? await BankInstruction.query()
          .where('supervisedAccountId', account.id)
          .where('status', 'rejected')
          .orderBy('id')
          .limit(100)
      : []
    return ctx.view.render('funds::manage/institution', {
      institution,
      account,
      position,
      orders,
      anomalies,
      rejected,
      canRefundAll: isResponsibleBureau(user, institution),
    })
  }

  async order(ctx: HttpContext) {
    const order = await Order.find(idParam(ctx.params.id))
    await ctx.bouncer.with(OrderPolicy).authorize('view', order)
    if (!order) throw new NotFoundException()
    const user = bureau(ctx)
    await recordAudit({
      action: 'funds.order_viewed',
      actor: user,
      subjectType: 'order',
      subjectId: order.id,
      regionCode: order.regionCode,
      summary: ctx.request.url(),
    })
    return ctx.view.render('funds::manage/order', {
      order,
      contract: await contractSummary(order.contractId),
      institution: await institutionSummary(order.institutionId),
      ...(await orderStatement(order)),
    })
  }

  /** The responsible bureau refunds every unconsumed fee of an institution that stopped abnormally. */
  async refundAll(ctx: HttpContext) {
    const institution = await institutionOf(ctx)
    await ctx.bouncer.with(SupervisionPolicy).authorize('refundAll', institution)
    if (!institution) throw new NotFoundException()
    const user = bureau(ctx)
    const { reason } = await ctx.request.validateUsing(bureauRefundValidator, {
      messagesProvider: fundsMessages(ctx),
    })
    const result = await new RefundAllUnconsumed().handle(user, institution.id, reason)
    await recordAudit({
      action: 'funds.bureau_refund_all',
      actor: user,
      subjectType: 'institution',
      subjectId: institution.id,
      regionCode: institution.regionCode,
      summary: `${result.refunds} refunds, ${result.amountFen} fen: ${reason}`,
    })
    ctx.session.flash(
      'success',
      ctx.i18n.t('funds.supervision.refund_all_done', {
        count: result.refunds,
        yuan: formatYuan(result.amountFen),
      })
    )
    return ctx.response.redirect().toRoute('funds_supervision.institution', { id: institution.id })
  }

  /** The responsible bureau re-issues a rejected bank instruction, or reverses it back into supervision. */
  async resolveInstruction(ctx: HttpContext) {
    const instruction = await BankInstruction.find(idParam(ctx.params.id))
    const institution = instruction
      ? await institutionSummary(
          (await SupervisedAccount.findOrFail(instruction.supervisedAccountId)).institutionId
        )
      : null
    await ctx.bouncer.with(SupervisionPolicy).authorize('resolveInstruction', institution)
    if (!instruction || !institution) throw new NotFoundException()
    const user = bureau(ctx)
    const { note } = await ctx.request.validateUsing(closeAnomalyValidator, {
      messagesProvider: fundsMessages(ctx),
    })
    const reverse = ctx.params.decision === 'reverse'
    const result = reverse
      ? await new ResolveInstruction().reverse(user, instruction.id, note)
      : await new ResolveInstruction().reissue(user, instruction.id, note)
    await recordAudit({
      action: reverse ? 'funds.instruction_reversed' : 'funds.instruction_reissued',
      actor: user,
      subjectType: 'bank_instruction',
      subjectId: instruction.id,
      regionCode: institution.regionCode,
      summary: `${instruction.number} → ${result.number}: ${note}`,
    })
    ctx.session.flash(
      'success',
      ctx.i18n.t(reverse ? 'funds.instructions.reversed' : 'funds.instructions.reissued', {
        number: result.number,
      })
    )
    return ctx.response.redirect().toRoute('funds_supervision.institution', { id: institution.id })
  }

  async anomalies(ctx: HttpContext) {
    await ctx.bouncer.with(SupervisionPolicy).authorize('anomalies')
    const user = bureau(ctx)
    const status = ctx.request.input('status') === 'closed' ? 'closed' : 'open'
    const anomalies = await applyRegionScope(FundAnomaly.query(), user.regionCode)
      .where('status', status)
      .orderBy('detectedAt', 'desc')
      .paginate(pageOf(ctx.request.input('page')), 20)
    anomalies.baseUrl(ctx.request.url())
    anomalies.queryString({ status })
    return ctx.view.render('funds::manage/anomalies', {
      anomalies,
      status,
      names: await institutionSummaries(anomalies.all().map((a) => a.institutionId)),
    })
  }

  async closeAnomaly(ctx: HttpContext) {
    const anomaly = await FundAnomaly.find(idParam(ctx.params.id))
    /* Least privilege: a red warning (money may have left supervision) is decided by a bureau, not a sub-unit (街道教育办). */
    await ctx.bouncer.with(SupervisionPolicy).authorize('closeAnomaly', anomaly)
    if (!anomaly) throw new NotFoundException()
    const user = bureau(ctx)
    const { note } = await ctx.request.validateUsing(closeAnomalyValidator, {
      messagesProvider: fundsMessages(ctx),
    })
    if (anomaly.status === 'open') {
      anomaly.merge({
        status: 'closed',
        closedAt: DateTime.now(),
        closedBy: user.id,
        closeNote: note,
      })
      await anomaly.save()
      await recordAudit({
        action: 'funds.anomaly_closed',
        actor: user,
        subjectType: 'fund_anomaly',
        subjectId: anomaly.id,
        regionCode: anomaly.regionCode,
        summary: note,
      })
    }
    ctx.session.flash('success', ctx.i18n.t('funds.anomalies.closed_done'))
    return ctx.response.redirect().back()
  }
}
