import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { accountsActingFor, bureauAccountsFor } from '#modules/identity'
import { queueText } from '#modules/messages'
import type Complaint from '../models/complaint.js'

/*
| Whoever must act on a case next hears of its deadline in their message
| centre (and by text unless they turned it off): the institution's
| accounts while the case waits for its answer, else the accounts of the
| bureau handling it, exactly its region (complaint_policy.ts: sub-units
| and the levels above do not handle it). Queued in the sweep's
| transaction, keyed by the case and its due date (or escalation), so a
| sweep that runs twice tells nobody twice.
*/

export type HandlerReminder = 'due' | 'escalated'

export async function remindHandler(
  trx: TransactionClientContract,
  c: Complaint,
  reason: HandlerReminder
): Promise<number> {
  const dueOn = c.dueOn!.toISODate()!
  const withInstitution = c.status === 'with_institution' && c.institutionId !== null
  const recipients = withInstitution
    ? await accountsActingFor('institution', c.institutionId!, trx)
    : await bureauAccountsFor(c.handlerRegionCode, { client: trx })
  const key =
    reason === 'due'
      ? `complaint_due:${c.id}:${dueOn}`
      : `complaint_overdue:${c.id}:${c.escalations}`
  for (const userId of recipients) {
    await queueText(
      {
        kind: 'deadline_reminder',
        to: { userId },
        params: { what: whatOf(c, reason), due: dueOn },
        key,
        link: withInstitution ? `/institution/complaints/${c.id}` : `/manage/complaints/${c.id}`,
      },
      trx
    )
  }
  return recipients.length
}

function whatOf(c: Complaint, reason: HandlerReminder): string {
  const step =
    c.status === 'with_institution' ? '待机构答复' : c.status === 'accepted' ? '待办结' : '待受理'
  return `${reason === 'escalated' ? '逾期投诉' : '投诉'} ${c.number} ${step}`
}
