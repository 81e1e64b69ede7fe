/*
| Asking the province's release schedule (funds.release.schedule) about
| one order, under the order's row lock: the input is built from the
| locked order and its classes, and the answer is checked before any money
| moves. An answer that names a class not offered, releases nothing or
| more than a class has left, or names a class twice, or a rule that
| throws, is a broken rule: it fails loudly (ReleaseScheduleError) and
| nothing is released; the confirmation that asked stands, and the daily
| re-ask tries again.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'
import { toRegionCode } from '#kernel/shared/region_code'
import type { ContractSummary } from '#modules/catalog'
import { type ReleaseInput, type ReleasePart, releaseSchedule } from '../extension_points.js'
import type Consumption from '../models/consumption.js'
import type Order from '../models/order.js'
import { unconsumedClasses } from './order_state.js'

export class ReleaseScheduleError extends Error {}

export interface DuePart {
  consumption: Consumption
  fen: number
}

/** What the schedule says to release now of `confirmed` (the order's confirmed classes not fully released). */
export async function dueParts(
  trx: TransactionClientContract,
  order: Order,
  contract: ContractSummary | null,
  confirmed: Consumption[],
  today: string
): Promise<DuePart[]> {
  const input = await releaseInput(trx, order, contract, confirmed, today)
  const broken = (why: string, cause?: unknown) =>
    new ReleaseScheduleError(
      `funds.release.schedule answered for order ${order.id} (region ${order.regionCode}): ${why}`,
      { cause }
    )
  let answer: ReleasePart[]
  try {
    answer = await releaseSchedule.resolve(toRegionCode(order.regionCode), input)
  } catch (error) {
    throw broken(`the rule threw ${(error as Error)?.message ?? error}`, error)
  }
  const offered = new Map(confirmed.map((c) => [c.id, c]))
  const seen = new Set<number>()
  if (!Array.isArray(answer)) throw broken('not a list of { classId, fen }')
  return answer.map(({ classId, fen }) => {
    const consumption = offered.get(classId)
    if (!consumption) throw broken(`class ${classId} is not a confirmed class with fees held`)
    if (seen.has(classId)) throw broken(`class ${classId} is named twice`)
    seen.add(classId)
    const left = consumption.feeFen - consumption.releasedFen
    if (!Number.isSafeInteger(fen) || fen < 1 || fen > left)
      throw broken(`${fen} fen for class ${classId}, which has 1 to ${left} fen to release`)
    return { consumption, fen }
  })
}

async function releaseInput(
  trx: TransactionClientContract,
  order: Order,
  contract: ContractSummary | null,
  confirmed: Consumption[],
  today: string
): Promise<ReleaseInput> {
  const classes = await trx
    .from('consumptions')
    .where('order_id', order.id)
    .select(
      trx.raw(
        `to_char(max(held_on) FILTER (WHERE status <> 'disputed'), 'YYYY-MM-DD') AS last_held_on`
      ),
      trx.raw(`count(*) FILTER (WHERE status = 'pending')::int AS pending`),
      trx.raw(`count(*) FILTER (WHERE status = 'disputed')::int AS disputed`)
    )
    .first()
  const classesLeft = unconsumedClasses(order)
  return {
    today,
    order: {
      id: order.id,
      firstClass: order.firstClass,
      lastClass: order.lastClass,
      classCount: order.classCount,
      pricePerClassFen: order.pricePerClassFen,
      firstClassDate: contract?.classDates[order.firstClass - 1] ?? null,
      lastClassDate: contract?.classDates[order.lastClass - 1] ?? null,
      lastHeldOn: classes?.last_held_on ?? null,
      classesConsumed: order.classesConsumed,
      classesPending: Number(classes?.pending ?? 0),
      classesDisputed: Number(classes?.disputed ?? 0),
      classesRefunded: order.classesRefunded,
      classesLeft,
      paidFen: order.paidFen,
      releasedFen: order.releasedFen,
      refundingFen: order.refundingFen,
      refundedFen: order.refundedFen,
      unconsumedFen: classesLeft * order.pricePerClassFen,
      heldFen: order.heldFen,
    },
    confirmed: confirmed.map((c) => ({
      id: c.id,
      classNo: c.classNo,
      heldOn: c.heldOn.toISODate()!,
      confirmedOn: (c.decidedAt ?? DateTime.now()).setZone(ZONE).toISODate()!,
      feeFen: c.feeFen,
      releasedFen: c.releasedFen,
    })),
  }
}
