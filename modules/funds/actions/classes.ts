/*
| Classes taken: the institution records attendance, the parent confirms
| or disputes, and silence for 15 working days (the Chinese public-holiday
| calendar, adjusted working weekends included) counts as confirmation.
| A confirmed class's fee is then released (release.ts).
*/
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { todayIso } from '#kernel/shared/dates'
import type { CurrentUser } from '#modules/identity'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import { settledStatus, unconsumedClasses } from '../services/order_state.js'
import { ReleaseScheduleError } from '../services/release_schedule.js'
import { ReleaseConfirmed } from './release.js'

/* Recording a class is its own use case (record_class.ts); re-exported for existing callers. */
export { RecordClass } from './record_class.js'

/*
| A confirmed class stays confirmed when the province's release schedule is
| broken: the error is logged for the operators and the daily re-ask
| (release_held_fees.ts) releases the fee once the rule is fixed.
*/
async function releaseOrLog(orderId: number, today?: string) {
  try {
    await new ReleaseConfirmed().handle(orderId, today)
  } catch (error) {
    if (!(error instanceof ReleaseScheduleError)) throw error
    logger.error({ err: error, orderId }, 'confirmed class fees could not be released')
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
      const order = await Order.query({ client: trx })
        .where('id', orderId)
        .forUpdate()
        .firstOrFail()
      const consumption = await Consumption.query({ client: trx })
        .where('id', consumptionId)
        .forUpdate()
        .firstOrFail()
      if (consumption.status !== 'pending' && consumption.status !== 'disputed')
        throw new DomainError('funds.classes.already_answered')
      if (consumption.status === 'disputed') {
        if (unconsumedClasses(order) < 1)
          throw new DomainError('funds.classes.refunded', { classNo: consumption.classNo })
        order.classesConsumed += 1
        order.status = settledStatus(order)
        await order.useTransaction(trx).save()
      }
      await consumption
        .useTransaction(trx)
        .merge({ status: 'confirmed', decidedAt: DateTime.now() })
        .save()
    })
    await releaseOrLog(orderId)
  }

  async dispute(parent: CurrentUser, consumptionId: number, reason: string) {
    const { orderId } = await parentsClass(parent, consumptionId)
    await db.transaction(async (trx) => {
      const order = await Order.query({ client: trx })
        .where('id', orderId)
        .forUpdate()
        .firstOrFail()
      const consumption = await Consumption.query({ client: trx })
        .where('id', consumptionId)
        .forUpdate()
        .firstOrFail()
      if (consumption.status !== 'pending') throw new DomainError('funds.classes.already_answered')
      await consumption
        .useTransaction(trx)
        .merge({ status: 'disputed', disputeReason: reason, decidedAt: DateTime.now() })
        .save()
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
      /* Silence confirms only a class checked against the timetable when it was recorded. */
      .whereNotNull('slot_starts_at')
      .update({ status: 'auto_confirmed', decided_at: new Date(), updated_at: new Date() })
      .returning('order_id')
    const orderIds = [...new Set(due.map((row: { order_id: number }) => row.order_id))]
    for (const orderId of orderIds) await releaseOrLog(orderId, today)
    return { confirmed: due.length }
  }
}
