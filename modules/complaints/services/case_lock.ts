import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import Complaint, { type ComplaintStatus } from '../models/complaint.js'

/**
 * Runs one handling step on a case under its row lock, so two people acting
 * at once (a bureau replying while the complainant withdraws) apply one
 * after the other and the second sees the first one's result.
 */
export async function onCase(
  id: number,
  allowed: readonly ComplaintStatus[],
  work: (c: Complaint, trx: TransactionClientContract) => Promise<void>
): Promise<Complaint> {
  return db.transaction(async (trx) => {
    const c =
      Number.isSafeInteger(id) && id > 0
        ? await Complaint.query({ client: trx }).where('id', id).forUpdate().first()
        : null
    if (!c) throw new NotFoundException()
    if (!allowed.includes(c.status))
      throw new DomainError('complaints.errors.state', {}, { status: 409 })
    await work(c, trx)
    await c.useTransaction(trx).save()
    return c
  })
}
