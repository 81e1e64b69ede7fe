import db from '@adonisjs/lucid/services/db'
import { todayIso } from '#kernel/shared/dates'
import Refund from '../models/refund.js'
import { approveRefund, sendToChannel } from '../services/refund_money.js'
import { announceRefundStep } from '../services/refund_updates.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'
import { ResendStuckRefunds } from './resend_stuck_refunds.js'

/** Daily: requests the institution left unanswered past the deadline are approved; refunds the channel has not taken are sent again. */
export class SettleOverdueRefunds {
  async handle(today = todayIso()): Promise<{ approved: number; resent: number }> {
    const overdue = await Refund.query()
      .where('status', 'requested')
      .where('answerDueOn', '<', today)
      .select('id', 'institutionId')
    let approved = 0
    for (const { id, institutionId } of overdue) {
      const account = await supervisedAccountOf(institutionId)
      const refund = await db.transaction(async (trx) => {
        const locked = await Refund.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
        if (locked.status !== 'requested') return null
        await approveRefund(trx, account, locked, 'deadline', null, '机构逾期未答复，视为同意')
        await announceRefundStep(trx, locked)
        return locked
      })
      if (refund?.status === 'refunding') {
        approved++
        await sendToChannel(refund)
      }
    }
    return { approved, resent: await new ResendStuckRefunds().handle() }
  }
}
