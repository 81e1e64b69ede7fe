import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { chargeLimits, contractSummaries, contractSummary } from '#modules/catalog'
import { toRegionCode } from '#kernel/shared/region_code'
import { institutionSummaries } from '#modules/registry'
import { AnswerClass } from '../actions/classes.js'
import { CreateOrder } from '../actions/create_order.js'
import { RequestRefund } from '../actions/request_refund.js'
import { WithdrawRefund } from '../actions/withdraw_refund.js'
import { StartPayment } from '../actions/start_payment.js'
import Order from '../models/order.js'
import Consumption from '../models/consumption.js'
import Refund from '../models/refund.js'
import OrderPolicy from '../policies/order_policy.js'
import RefundPolicy from '../policies/refund_policy.js'
import { DomainError } from '#kernel/exceptions/domain_error'
import { findOrder, orderStatement, ordersOf } from '../queries/orders.js'
import { parentFundNotices } from '../queries/fund_notices.js'
import { unconsumedClasses } from '../services/order_state.js'
import { fundsMessages, idParam } from '../services/http.js'
import { disputeValidator, refundValidator } from '../validators/funds.js'

async function ownOrder(ctx: HttpContext, ability: 'view' | 'pay' = 'view'): Promise<Order> {
  const order = await findOrder(ctx.params.id)
  await ctx.bouncer.with(OrderPolicy).authorize(ability, order)
  return order
}

/** A class taken (or recorded) under one of the parent's orders. */
async function ownClass(ctx: HttpContext) {
  const consumption = await Consumption.find(idParam(ctx.params.id))
  const order = consumption ? await Order.find(consumption.orderId) : null
  if (!consumption || !order) throw new NotFoundException()
  await ctx.bouncer.with(OrderPolicy).authorize('pay', order)
  return { consumption, order }
}

/** The parent's side of the money: pay a charge, follow every movement, confirm classes, ask for the rest back. */
export default class ParentOrdersController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('parentIndex')
    const user = ctx.auth.getUserOrFail()
    /* Opened from a contract: its charges, and the button for the next one. */
    const asked = ctx.request.input('contract')
      ? await contractSummary(idParam(ctx.request.input('contract')))
      : null
    const contract = asked && asked.parentUserId === user.id ? asked : null
    const orders = await ordersOf(
      { parentUserId: user.id, contractId: contract?.id },
      ctx.request.input('page')
    )
    orders.baseUrl(ctx.request.url())
    orders.queryString({ contract: contract?.id })
    const contracts = await contractSummaries(orders.all().map((o) => o.contractId))
    const charged = contract
      ? orders
          .all()
          .filter((o) => o.status !== 'cancelled')
          .reduce((n, o) => n + o.classCount, 0)
      : 0
    const payLater = orders.all().some((o) => o.mode === 'pay_later' && o.status !== 'cancelled')
    /* A renewal is offered only when few enough classes are left unconsumed (national: 20). */
    const left = orders
      .all()
      .filter((o) => o.mode === 'prepaid' && o.paidFen > 0 && o.status !== 'cancelled')
      .reduce((n, o) => n + unconsumedClasses(o), 0)
    const limit = contract
      ? (
          await chargeLimits.resolve(toRegionCode(contract.regionCode), {
            kind: contract.kind,
            delivery: contract.delivery,
          })
        ).renewWhenClassesLeft
      : 0
    const renewalWait = contract && left > limit ? { left, limit } : null
    return ctx.view.render('funds::parent/index', {
      orders,
      contracts,
      contract,
      renewalWait,
      canCharge:
        !!contract &&
        !payLater &&
        !renewalWait &&
        ['signed', 'active'].includes(contract.status) &&
        charged < contract.classCount,
      canPayLater:
        !!contract &&
        contract.payAfterClassOffered &&
        charged === 0 &&
        ['signed', 'active'].includes(contract.status),
      institutions: await institutionSummaries(orders.all().map((o) => o.institutionId)),
      fundNotices: await parentFundNotices(
        user.id,
        contract ? [contract.institutionId] : undefined
      ),
    })
  }

  async show(ctx: HttpContext) {
    const order = await ownOrder(ctx)
    return ctx.view.render('funds::parent/show', {
      order,
      contract: await contractSummary(order.contractId),
      ...(await orderStatement(order)),
      refundable: unconsumedClasses(order),
      fundNotices: await parentFundNotices(order.parentUserId, [order.institutionId]),
    })
  }

  /** The notices owed on a contract's page (Art. 15), loaded into the catalog page's slot; empty when none. */
  async contractNotices(ctx: HttpContext) {
    const contract = await contractSummary(idParam(ctx.params.id))
    await ctx.bouncer.with(OrderPolicy).authorize('contractNotices', contract)
    return ctx.view.render('funds::parent/_fund_notices', {
      notices: await parentFundNotices(contract!.parentUserId, [contract!.institutionId]),
    })
  }

  /** The status box, polled while the parent waits for the channel's callback. */
  async status(ctx: HttpContext) {
    const order = await ownOrder(ctx)
    /* Paid (or closed) while the parent watched: reload, so the totals and movements show the payment too. */
    if (ctx.request.header('hx-request') && order.status !== 'awaiting_payment')
      ctx.response.header('HX-Refresh', 'true')
    return ctx.view.render('funds::parent/_status', { order })
  }

  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const contract = await contractSummary(idParam(ctx.params.id))
    if (!contract) throw new NotFoundException()
    await ctx.bouncer.with(OrderPolicy).authorize('create', contract)
    const mode = ctx.request.input('mode') === 'pay_later' ? 'pay_later' : 'prepaid'
    const order = await new CreateOrder().handle(user, contract.id, { mode })
    if (order.mode === 'pay_later') {
      ctx.session.flash('success', ctx.i18n.t('funds.orders.pay_later_started'))
      return ctx.response.redirect().toRoute('parent_orders.show', { id: order.id })
    }
    return this.#toCashier(ctx, order, contract.courseName)
  }

  async pay(ctx: HttpContext) {
    const order = await ownOrder(ctx, 'pay')
    const contract = await contractSummary(order.contractId)
    return this.#toCashier(ctx, order, contract?.courseName ?? order.number)
  }

  async #toCashier(ctx: HttpContext, order: Order, courseName: string) {
    const payment = await new StartPayment().handle(
      order,
      ctx.i18n.t('funds.orders.subject', {
        course: courseName,
        from: order.firstClass,
        to: order.lastClass,
      })
    )
    return ctx.response.redirect(payment.payUrl!)
  }

  /** "Learn first, pay later": the parent pays for a class after taking it. */
  async payClass(ctx: HttpContext) {
    const { consumption, order } = await ownClass(ctx)
    if (order.mode !== 'pay_later' || consumption.releasedAt || consumption.status === 'disputed')
      throw new DomainError('funds.classes.nothing_to_pay')
    const contract = await contractSummary(order.contractId)
    const payment = await new StartPayment().handle(
      order,
      ctx.i18n.t('funds.orders.class_subject', {
        course: contract?.courseName ?? order.number,
        n: consumption.classNo,
      }),
      { consumptionId: consumption.id }
    )
    return ctx.response.redirect(payment.payUrl!)
  }

  async confirmClass(ctx: HttpContext) {
    await ownClass(ctx)
    await new AnswerClass().confirm(ctx.auth.getUserOrFail(), idParam(ctx.params.id))
    ctx.session.flash('success', ctx.i18n.t('funds.classes.confirmed'))
    return ctx.response.redirect().back()
  }

  async disputeClass(ctx: HttpContext) {
    await ownClass(ctx)
    const { reason } = await ctx.request.validateUsing(disputeValidator, {
      messagesProvider: fundsMessages(ctx),
    })
    await new AnswerClass().dispute(ctx.auth.getUserOrFail(), idParam(ctx.params.id), reason)
    ctx.session.flash('success', ctx.i18n.t('funds.classes.disputed'))
    return ctx.response.redirect().back()
  }

  async requestRefund(ctx: HttpContext) {
    const order = await findOrder(ctx.params.id)
    await ctx.bouncer.with(RefundPolicy).authorize('request', order)
    const input = await ctx.request.validateUsing(refundValidator, {
      messagesProvider: fundsMessages(ctx),
    })
    const refund = await new RequestRefund().handle(ctx.auth.getUserOrFail(), order.id, input)
    ctx.session.flash(
      'success',
      ctx.i18n.t(
        refund.status === 'refunding' ? 'funds.refunds.sent_at_once' : 'funds.refunds.requested',
        { yuan: (refund.amountFen / 100).toFixed(2), due: refund.answerDueOn.toISODate() }
      )
    )
    return ctx.response.redirect().toRoute('parent_orders.show', { id: order.id })
  }

  async withdrawRefund(ctx: HttpContext) {
    const refund = await Refund.find(idParam(ctx.params.id))
    if (!refund) throw new NotFoundException()
    await ctx.bouncer.with(RefundPolicy).authorize('withdraw', refund)
    await new WithdrawRefund().handle(ctx.auth.getUserOrFail(), refund.id)
    ctx.session.flash('success', ctx.i18n.t('funds.refunds.withdrawn'))
    return ctx.response.redirect().back()
  }
}
