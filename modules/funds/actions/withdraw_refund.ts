import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import type { CurrentUser } from '#modules/identity'

/** The parent takes back a request the institution has not answered yet. */
export class WithdrawRefund {
  async handle(parent: CurrentUser, refundId: number) {
    /* Another parent's refund, or none: the same 404 every owner check answers. */
    const own = await db
      .from('refunds')
      .where('id', refundId)
      .where('parent_user_id', parent.id)
      .select('id')
      .first()
    if (!own) throw new NotFoundException()
    const withdrawn = await db
      .from('refunds')
      .where('id', refundId)
      .where('parent_user_id', parent.id)
      .where('status', 'requested')
      .update({ status: 'withdrawn', decided_at: new Date(), updated_at: new Date() })
      .returning('id')
    if (!withdrawn.length) throw new DomainError('funds.refunds.already_decided')
  }
}
