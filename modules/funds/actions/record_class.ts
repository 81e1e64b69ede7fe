/*
| The institution records a class a student took (finding 3). A class
| counts only if it is real by every check the platform can make:
|  - it is a slot of the contract's signed timetable, held on that slot's
|    date, and the slot has started;
|  - classes are recorded in timetable order within the charge, and each
|    slot once (the unique index on contract and class number);
|  - a paid charge covers it and it was not refunded;
|  - the institution is not black-listed or removed (nor grey-listed where
|    the province freezes funds during rectification).
| The parent is texted at once, with the link to dispute it; recording far
| more classes in a period than the timetable held in it raises a fund
| anomaly. Only classes recorded this way are confirmed by silence.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { ZONE } from '#kernel/shared/dates'
import { toRegionCode } from '#kernel/shared/region_code'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { queueText } from '#modules/messages'
import { maskName } from '#kernel/shared/personal_data'
import { type ContractSummary, contractSummary } from '#modules/catalog'
import { type InstitutionSummary, institutionSummary } from '#modules/registry'
import { attendancePolicy, fundDeadlines } from '../extension_points.js'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import { workingDeadline } from '../services/deadlines.js'
import { settledStatus, unconsumedClasses } from '../services/order_state.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'
import { raiseAnomaly } from './reconcile.js'

export interface RecordClassInput {
  contractId: number
  classNo: number
  /** The date the class was held; when given it must be the timetable's date. */
  heldOn?: string
}

export class RecordClass {
  /** `actor.id` is null when the institution's own system reports the class. */
  async handle(
    actor: { id: number | null; orgId: number | null },
    input: RecordClassInput,
    now = DateTime.now()
  ): Promise<Consumption> {
    const contract = await contractSummary(input.contractId)
    if (!contract || contract.institutionId !== actor.orgId)
      throw new DomainError('funds.classes.not_paid', { classNo: input.classNo })
    const institution = await institutionSummary(contract.institutionId)
    const region = toRegionCode(contract.regionCode)
    const policy = await attendancePolicy.resolve(region, {})
    if (
      !institution ||
      institution.removed ||
      institution.listStatus === 'black' ||
      (institution.listStatus === 'grey' && policy.freezeGreyListed)
    )
      throw new DomainError('funds.classes.institution_barred')
    const slot = contract.classSlots[input.classNo - 1]
    if (!slot) throw new DomainError('funds.classes.not_in_timetable', { classNo: input.classNo })
    if (input.heldOn && input.heldOn !== slot.date)
      throw new DomainError(
        'funds.classes.wrong_date',
        { classNo: input.classNo, date: slot.date },
        { field: 'heldOn' }
      )
    const startsAt = DateTime.fromISO(`${slot.date}T${slot.start}`, { zone: ZONE })
    if (!startsAt.isValid || startsAt > now)
      throw new DomainError('funds.classes.not_started', {
        classNo: input.classNo,
        date: slot.date,
        time: slot.start,
      })
    const deadlines = await fundDeadlines.resolve(region, {})
    const today = now.setZone(ZONE).toISODate()!

    let consumption: Consumption
    try {
      consumption = await db.transaction(async (trx) => {
        const order = await Order.query({ client: trx })
          .where('contractId', input.contractId)
          .where('firstClass', '<=', input.classNo)
          .whereRaw('first_class + class_count > ?', [input.classNo])
          .whereIn('status', ['paid', 'in_progress', 'refunding'])
          .forUpdate()
          .first()
        if (!order || order.institutionId !== actor.orgId)
          throw new DomainError('funds.classes.not_paid', { classNo: input.classNo })
        /* Refunded classes are the last ones of the charge. */
        if (input.classNo > order.lastClass - order.classesRefunded || unconsumedClasses(order) < 1)
          throw new DomainError('funds.classes.refunded', { classNo: input.classNo })
        /* In timetable order within the charge (under the order's lock, so two racing records cannot skip a class). */
        if (input.classNo > order.firstClass) {
          const previous = await Consumption.query({ client: trx })
            .where('contractId', input.contractId)
            .where('classNo', input.classNo - 1)
            .first()
          if (!previous)
            throw new DomainError('funds.classes.out_of_order', {
              classNo: input.classNo,
              previous: input.classNo - 1,
            })
        }
        const created = await Consumption.create(
          {
            orderId: order.id,
            contractId: order.contractId,
            institutionId: order.institutionId,
            classNo: input.classNo,
            heldOn: DateTime.fromISO(slot.date),
            slotStartsAt: startsAt,
            feeFen: order.pricePerClassFen,
            status: 'pending',
            confirmDueOn: DateTime.fromISO(
              workingDeadline(today, deadlines.classConfirmWorkingDays)
            ),
            recordedBy: actor.id,
          },
          { client: trx }
        )
        order.classesConsumed += 1
        order.status = settledStatus(order)
        await order.useTransaction(trx).save()
        await tellParent(trx, contract, institution, created, slot)
        return created
      })
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('funds.classes.already_recorded', { classNo: input.classNo })
      throw error
    }
    await watchForBurst(contract.institutionId, policy, now)
    return consumption
  }
}

/**
 * The parent learns of every recorded class, in their inbox and by text,
 * with the page to dispute it. Queued with the record, so an unsaved class
 * tells nobody, and sent after commit, so a provider outage never stops an
 * institution recording a class.
 */
async function tellParent(
  trx: TransactionClientContract,
  contract: ContractSummary,
  institution: InstitutionSummary,
  consumption: Consumption,
  slot: { date: string; start: string }
) {
  await queueText(
    {
      kind: 'class_recorded',
      to: { userId: contract.parentUserId },
      params: {
        institution: institution.name.slice(0, 30),
        student: maskName(contract.studentName),
        classNo: consumption.classNo,
        date: slot.date,
        time: slot.start,
        yuan: (consumption.feeFen / 100).toFixed(2),
        due: consumption.confirmDueOn.toISODate()!,
        order: consumption.orderId,
        classAnchor: consumption.classNo,
      },
      key: `class_recorded:${consumption.id}`,
      link: `/parent/orders/${consumption.orderId}#class-${consumption.classNo}`,
    },
    trx
  )
}

/**
 * Every recorded class is one of a timetable slot, so in any period the
 * classes held in it are bounded by the timetable. Classes recorded in the
 * period for slots before it are a backlog being cleared at once — how an
 * absconding institution would drain its account. Beyond the province's
 * threshold that is an anomaly (one open per institution).
 */
async function watchForBurst(
  institutionId: number,
  policy: { burstWindowDays: number; backfillAlertClasses: number },
  now: DateTime
) {
  const since = now.minus({ days: policy.burstWindowDays })
  const row = await db
    .from('consumptions')
    .where('institution_id', institutionId)
    .where('created_at', '>=', since.toJSDate())
    .whereNotNull('slot_starts_at')
    .where('slot_starts_at', '<', since.toJSDate())
    .count('* as backfilled')
    .first()
  const backfilled = Number(row?.backfilled ?? 0)
  if (backfilled <= policy.backfillAlertClasses) return
  const account = await supervisedAccountOf(institutionId)
  await raiseAnomaly(
    account,
    'attendance_burst',
    'yellow',
    {
      backfilled,
      threshold: policy.backfillAlertClasses,
      windowDays: policy.burstWindowDays,
      since: since.toISO(),
    },
    `attendance_burst:${institutionId}`
  )
}
