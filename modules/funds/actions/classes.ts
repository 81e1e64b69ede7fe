/*
| Classes taken: the institution records attendance, the parent confirms
| or disputes, and silence for 15 working days (the Chinese public-holiday
| calendar, adjusted working weekends included) counts as confirmation.
| A confirmed class's fee is then released (release.ts).
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { todayIso } from '#kernel/shared/dates'
import { toRegionCode } from '#kernel/shared/region_code'
import { workingDeadline } from '../services/deadlines.js'
import type { CurrentUser } from '#modules/identity'
import { fundDeadlines } from '../extension_points.js'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import { settledStatus, unconsumedClasses } from '../services/order_state.js'
import { ReleaseConfirmed } from './release.js'
import { isUniqueViolation } from '#kernel/shared/db_errors'

export class RecordClass {
  /** `actor.id` is null when the institution's own system reports the class. */
  async handle(actor: { id: number | null; orgId: number | null }, input: { contractId: number; classNo: number; heldOn?: string }): Promise<Consumption> {
    const today = todayIso()
    const heldOn = input.heldOn ?? today
    if (heldOn > today) throw new DomainError('funds.classes.in_future', {}, { field: 'heldOn' })
    try {
      return await db.transaction(async (trx) => {
        const order = await Order.query({ client: trx })
          .where('contractId', input.contractId)
          .where('firstClass', '<=', input.classNo)
          .whereRaw('first_class + class_count > ?', [input.classNo])
          .whereIn('status', ['paid', 'in_progress', 'refunding'])
          .forUpdate()
          .first()
        if (!order || order.institutionId !== actor.orgId) throw new DomainError('funds.classes.not_paid', { classNo: input.classNo })
        /* Refunded classes are the last ones of the charge. */
        if (input.classNo > order.lastClass - order.classesRefunded || unconsumedClasses(order) < 1) throw new DomainError('funds.classes.refunded', { classNo: input.classNo })
        const deadlines = await fundDeadlines.resolve(toRegionCode(order.regionCode), {})
        const consumption = await Consumption.create(
          {
            orderId: order.id,
            contractId: order.contractId,
            institutionId: order.institutionId,
            classNo: input.classNo,
            heldOn: DateTime.fromISO(heldOn),
            feeFen: order.pricePerClassFen,
            status: 'pending',
            confirmDueOn: DateTime.fromISO(workingDeadline(today, deadlines.classConfirmWorkingDays)),
            recordedBy: actor.id,
          },
          { client: trx }
        )
        order.classesConsumed += 1
        order.status = settledStatus(order)
        await order.useTransaction(trx).save()
        return consumption
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('funds.classes.already_recorded', { classNo: input.classNo })
      throw error
    }
  }
}

async function parentsClass(parent: CurrentUser, consumptionId: number) {
  const consumption = await Consumption.find(consumptionId)
  const order = consumption ? await Order.find(consumption.orderId) : null
  if (!consumption || !order || order.parentUserId !== parent.id) throw new NotFoundException()
  return consumption
}

export class AnswerClass {
  async confirm(parent: CurrentUser, consumptionId: number) {
    const { orderId } = await parentsClass(parent, consumptionId)
    await db.transaction(async (trx) => {
      const order = await Order.query({ client: trx }).where('id', orderId).forUpdate().firstOrFail()
      const consumption = await Consumption.query({ client: trx }).where('id', consumptionId).forUpdate().firstOrFail()
      if (consumption.status !== 'pending' && consumption.status !== 'disputed') throw new DomainError('funds.classes.already_answered')
      if (consumption.status === 'disputed') {
        if (unconsumedClasses(order) < 1) throw new DomainError('funds.classes.refunded', { classNo: consumption.classNo })
        order.classesConsumed += 1
        order.status = settledStatus(order)
        await order.useTransaction(trx).save()
      }
      await consumption.useTransaction(trx).merge({ status: 'confirmed', decidedAt: DateTime.now() }).save()
    })
    await new ReleaseConfirmed().handle(orderId)
  }

  async dispute(parent: CurrentUser, consumptionId: number, reason: string) {
    const { orderId } = await parentsClass(parent, consumptionId)
    await db.transaction(async (trx) => {
      const order = await Order.query({ client: trx }).where('id', orderId).forUpdate().firstOrFail()
      const consumption = await Consumption.query({ client: trx }).where('id', consumptionId).forUpdate().firstOrFail()
      if (consumption.status !== 'pending') throw new DomainError('funds.classes.already_answered')
      await consumption.useTransaction(trx).merge({ status: 'disputed', disputeReason: reason, decidedAt: DateTime.now() }).save()
      /* A disputed class is not consumed: its fee stays held and may be refunded. */
      order.classesConsumed -= 1
      order.status = settledStatus(order)
      await order.useTransaction(trx).save()
    })
  }
}

/** Daily: classes the parent left unanswered past the deadline are confirmed, and released. */
export class AutoConfirmClasses {
  async handle(today = todayIso()): Promise<{ confirmed: number }> {
    const due = await db
      .from('consumptions')
      .where('status', 'pending')
      .where('confirm_due_on', '<', today)
      .update({ status: 'auto_confirmed', decided_at: new Date(), updated_at: new Date() })
      .returning('order_id')
    const orderIds = [...new Set(due.map((row: { order_id: number }) => row.order_id))]
    for (const orderId of orderIds) await new ReleaseConfirmed().handle(orderId, today)
    return { confirmed: due.length }
  }
}
