/*
| A guardian's children. A child exists for its guardians only: for
| anyone else, someone else's child's id is not found (404), the same
| answer as an id that names nothing.
*/
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Child from '../models/child.js'
import ChildGuardian from '../models/child_guardian.js'

export async function guardedChild(
  userId: number,
  childId: unknown,
  client?: TransactionClientContract,
  options: { forUpdate?: boolean } = {}
): Promise<Child> {
  const id = Number(childId)
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundException()
  const query = Child.query(client ? { client } : {})
    .where('id', id)
    .whereIn('id', (q) => q.from('child_guardians').select('child_id').where('user_id', userId))
  if (options.forUpdate) query.forUpdate()
  const child = await query.first()
  if (!child) throw new NotFoundException()
  return child
}

export async function childrenOfGuardian(userId: number): Promise<Child[]> {
  return Child.query()
    .whereIn('id', (q) => q.from('child_guardians').select('child_id').where('user_id', userId))
    .orderBy('createdAt')
    .orderBy('id')
}

export async function guardiansOf(childId: number): Promise<ChildGuardian[]> {
  return ChildGuardian.query().where('childId', childId).orderBy('position')
}
