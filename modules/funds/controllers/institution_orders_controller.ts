import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { actingInstitutionId } from '#modules/identity'
import { localIsoDate, todayIso } from '#kernel/shared/dates'
import { contractSummaries, contractSummary } from '#modules/catalog'
import { RecordClass } from '../actions/classes.js'
import { DecideRefund } from '../actions/decide_refund.js'
import type Order from '../models/order.js'
import Refund from '../models/refund.js'
import OrderPolicy from '../policies/order_policy.js'
import RefundPolicy from '../policies/refund_policy.js'
import { findOrder, orderStatement, ordersOf, pageOf } from '../queries/orders.js'
import { fundsMessages, idParam } from '../services/http.js'
import { attendanceValidator, refundDecisionValidator } from '../validators/funds.js'
import { DomainError } from '#kernel/exceptions/domain_error'

async function ownOrder(ctx: HttpContext): Promise<Order> {
  const order = await findOrder(ctx.params.id)
  await ctx.bouncer.with(OrderPolicy).authorize('view', order)
  return order
}

const STATUSES = [
  'awaiting_payment',
  'paid',
  'in_progress',
  'completed',
  'refunding',
  'refunded',
  'cancelled',
]

/** The institution's orders, class attendance and refund requests. */
export default class InstitutionOrdersController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('institutionIndex')
    const status = STATUSES.includes(ctx.request.input('status'))
      ? ctx.request.input('status')
      : undefined
    const orders = await ordersOf(
      { institutionId: actingInstitutionId(ctx) },
      ctx.request.input('page'),
      status
    )
    orders.baseUrl(ctx.request.url())
    orders.queryString({ status })
    const contracts = await contractSummaries(orders.all().map((o) => o.contractId))
    return ctx.view.render('funds::institution/index', {
      orders,
      contracts,
      status,
      statuses: STATUSES,
    })
  }

  async show(ctx: HttpContext) {
    const order = await ownOrder(ctx)
    return ctx.view.render('funds::institution/show', {
      order,
      contract: await contractSummary(order.contractId),
      ...(await orderStatement(order)),
    })
  }

  /** Pick a course and a class, then tick the students who attended. */
  async attendance(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('recordAttendance')
    const institutionId = actingInstitutionId(ctx)
    const courseRows = await db
      .from('orders')
      .where('institution_id', institutionId)
      .whereIn('status', ['paid', 'in_progress', 'refunding'])
      .distinct('course_id', 'contract_id')
      .limit(2000)
    const named = await contractSummaries(courseRows.map((row) => row.contract_id))
    const courses = new Map<number, string>()
    for (const row of courseRows)
      if (!courses.has(row.course_id))
        courses.set(row.course_id, named.get(row.contract_id)?.courseName ?? String(row.course_id))
    const courseId = idParam(ctx.request.input('course'))
    const classNo = idParam(ctx.request.input('classNo'))
    let students: {
      contractId: number
      name: string
      orderNumber: string
      recorded: string | null
      classDate: string | null
    }[] = []
    if (courses.has(courseId) && classNo) {
      const rows = await db
        .from('orders as o')
        .leftJoin('consumptions as c', (j) =>
          j.on('c.contract_id', 'o.contract_id').andOnVal('c.class_no', '=', classNo)
        )
        .where('o.institution_id', institutionId)
        .where('o.course_id', courseId)
        .whereIn('o.status', ['paid', 'in_progress', 'refunding', 'completed'])
        .where('o.first_class', '<=', classNo)
        .whereRaw('o.first_class + o.class_count - o.classes_refunded > ?', [classNo])
        .select('o.contract_id', 'o.number', 'c.status as recorded')
        .orderBy('o.contract_id')
      const contracts = await contractSummaries(rows.map((r) => r.contract_id))
      students = rows.map((r) => {
        const contract = contracts.get(r.contract_id)
        return {
          contractId: r.contract_id,
          name: contract?.studentName ?? '—',
          orderNumber: r.number,
          recorded: r.recorded,
          classDate: contract?.classDates[classNo - 1] ?? null,
        }
      })
    }
    return ctx.view.render('funds::institution/attendance', {
      courses: [...courses.entries()],
      courseId,
      classNo,
      students,
      todayIso: todayIso(),
    })
  }

  async recordAttendance(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('recordAttendance')
    const input = await ctx.request.validateUsing(attendanceValidator, {
      messagesProvider: fundsMessages(ctx),
    })
    const actor = ctx.auth.getUserOrFail()
    const problems: string[] = []
    let recorded = 0
    for (const contractId of input.contracts) {
      try {
        await new RecordClass().handle(actor, {
          contractId,
          classNo: input.classNo,
          heldOn: localIsoDate(input.heldOn),
        })
        recorded++
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        problems.push(ctx.i18n.t(error.messageKey, error.data))
      }
    }
    if (recorded)
      ctx.session.flash(
        'success',
        ctx.i18n.t('funds.classes.recorded', { count: recorded, classNo: input.classNo })
      )
    if (problems.length) ctx.session.flash('error', [...new Set(problems)].join('；'))
    return ctx.response
      .redirect()
      .toPath(`/institution/attendance?course=${input.course}&classNo=${input.classNo}`)
  }

  async refunds(ctx: HttpContext) {
    await ctx.bouncer.with(RefundPolicy).authorize('index')
    const institutionId = actingInstitutionId(ctx)
    const open = ctx.request.input('view') !== 'all'
    const query = Refund.query().where('institutionId', institutionId).orderBy('createdAt', 'desc')
    if (open) query.where('status', 'requested')
    const refunds = await query.paginate(pageOf(ctx.request.input('page')), 20)
    refunds.baseUrl(ctx.request.url())
    refunds.queryString({ view: open ? undefined : 'all' })
    const orders = new Map(
      (
        await db
          .from('orders')
          .whereIn(
            'id',
            refunds.all().map((r) => r.orderId)
          )
          .select('id', 'number', 'contract_id')
      ).map((o) => [o.id, o])
    )
    return ctx.view.render('funds::institution/refunds', { refunds, orders, open })
  }

  async decideRefund(ctx: HttpContext) {
    const asked = await Refund.find(idParam(ctx.params.id))
    if (!asked) throw new NotFoundException()
    await ctx.bouncer.with(RefundPolicy).authorize('decide', asked)
    const input = await ctx.request.validateUsing(refundDecisionValidator, {
      messagesProvider: fundsMessages(ctx),
    })
    const refund = await new DecideRefund().handle(ctx.auth.getUserOrFail(), asked.id, {
      approve: input.decision === 'approve',
      reason: input.reason ?? null,
    })
    ctx.session.flash(
      'success',
      ctx.i18n.t(
        refund.status === 'declined'
          ? 'funds.refunds.declined_done'
          : 'funds.refunds.approved_done',
        { number: refund.number }
      )
    )
    return ctx.response.redirect().toRoute('institution_refunds.index')
  }
}
