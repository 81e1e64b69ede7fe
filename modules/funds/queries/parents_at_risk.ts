/*
| Whose money an institution's trouble concerns (Art. 15): every parent
| with unconsumed prepaid fees held for it, or with a contract still live
| (signed and unpaid, or in force, "learn first, pay later" included: no
| money is held, but more would be paid). A parent whose orders are all
| consumed or refunded, and whose contract has ended, is not concerned.
*/
import db from '@adonisjs/lucid/services/db'
import { liveContracts } from '#modules/catalog'

/** Order statuses whose unconsumed classes are still paid for and held in supervision. */
const HOLDING = ['paid', 'in_progress', 'refunding'] as const

export interface HeldFees {
  institutionId: number
  parentUserId: number
  /** Fees of the classes nobody took or had refunded (money being refunded is not counted), in fen. */
  heldFen: number
}

/** Unconsumed prepaid fees per institution and parent, only where some are held. */
export async function heldFees(filter: {
  institutionIds: number[]
  parentUserId?: number
}): Promise<HeldFees[]> {
  if (!filter.institutionIds.length) return []
  const query = db
    .from('orders')
    .whereIn('institution_id', filter.institutionIds)
    .where('mode', 'prepaid')
    .whereIn('status', [...HOLDING])
    .groupBy('institution_id', 'parent_user_id')
    .select('institution_id', 'parent_user_id')
    .select(
      db.raw(
        'SUM((class_count - classes_consumed - classes_refunded) * price_per_class_fen)::bigint AS held_fen'
      )
    )
    .havingRaw('SUM((class_count - classes_consumed - classes_refunded) * price_per_class_fen) > 0')
    .orderBy('parent_user_id')
  if (filter.parentUserId !== undefined) query.where('parent_user_id', filter.parentUserId)
  const rows = await query
  return rows.map((row) => ({
    institutionId: Number(row.institution_id),
    parentUserId: Number(row.parent_user_id),
    heldFen: Number(row.held_fen),
  }))
}

/** The parents an institution's removal, black-listing or red fund anomaly concerns, each with the fees held for them (0 for a live contract with none). */
export async function affectedParents(institutionId: number): Promise<Map<number, number>> {
  const parents = new Map<number, number>()
  for (const contract of await liveContracts({ institutionIds: [institutionId] }))
    parents.set(contract.parentUserId, 0)
  for (const held of await heldFees({ institutionIds: [institutionId] }))
    parents.set(held.parentUserId, held.heldFen)
  return parents
}
