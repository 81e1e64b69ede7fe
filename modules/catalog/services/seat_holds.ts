import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { publish } from '#kernel/shared/outbox'
import { DomainError } from '#kernel/exceptions/domain_error'
import Contract from '../models/contract.js'

/*
| No seat hoarding (issue 13, item 13). A contract signed but not paid
| holds its seat only for the unpaid-order window (national: 30 minutes);
| while the funds module has an order awaiting payment it extends the hold
| to that order's expiry, and once the parent is committed (a payment, or
| "learn first, pay later" chosen) the hold ends (NULL). A hold that runs
| out terminates the contract (`lapsed_at`), which frees the seat and lets
| the student sign again. A parent holds at most UNPAID_CONTRACT_CAP such
| contracts at once.
*/
export const SEAT_HOLD_MINUTES = 30
export const UNPAID_CONTRACT_CAP = 5

/** Terminates unpaid contracts whose hold ran out (of one course, or everywhere); returns how many. */
export async function lapseExpiredHolds(
  trx: TransactionClientContract,
  courseId?: number
): Promise<number> {
  const query = Contract.query({ client: trx })
    .where('status', 'signed')
    .whereNotNull('seatHeldUntil')
    .where('seatHeldUntil', '<=', DateTime.now().toJSDate())
  if (courseId) query.where('courseId', courseId)
  const lapsed = await query.forUpdate().skipLocked()
  const now = DateTime.now()
  for (const contract of lapsed) {
    await contract.useTransaction(trx).merge({ status: 'terminated', lapsedAt: now }).save()
    await publish(trx, 'catalog:contract_lapsed', {
      contractId: contract.id,
      courseId: contract.courseId,
      institutionId: contract.institutionId,
      parentUserId: contract.parentUserId,
      regionCode: contract.regionCode,
    })
  }
  return lapsed.length
}

/** The scheduled sweep: every hold that ran out, in batches so no transaction grows large. */
export async function releaseUnpaidSeats(): Promise<number> {
  let total = 0
  for (
    let n = await db.transaction((trx) => lapseExpiredHolds(trx));
    n > 0;
    n = await db.transaction((trx) => lapseExpiredHolds(trx))
  )
    total += n
  return total
}

/** Unpaid contracts whose hold still runs (the cap counts these). */
export async function unpaidHolds(
  trx: TransactionClientContract,
  parentUserId: number
): Promise<number> {
  const rows = await Contract.query({ client: trx })
    .where('parentUserId', parentUserId)
    .where('status', 'signed')
    .where('seatHeldUntil', '>', DateTime.now().toJSDate())
    .count('* as n')
  return Number(rows[0]!.$extras.n)
}

/**
 * For the funds module, inside its transaction: `until` extends the hold
 * while an order awaits payment; `null` ends it (the parent committed, for
 * example by choosing to pay after each class). A contract whose hold has
 * already run out is refused, so no order is taken on a
 * seat that was given up (the refusal rolls the caller back, so the lapse
 * itself is left to the sweep or the course's next signature).
 */
export async function holdSeat(
  contractId: number,
  until: DateTime | null,
  client: TransactionClientContract
): Promise<void> {
  const contract = await Contract.query({ client }).where('id', contractId).forUpdate().first()
  if (!contract || contract.status !== 'signed' || contract.seatHeldUntil === null) return
  if (contract.seatHeldUntil <= DateTime.now())
    throw new DomainError('catalog.contracts.seat_released')
  if (until === null || until > contract.seatHeldUntil)
    await contract.useTransaction(client).merge({ seatHeldUntil: until }).save()
}
