/*
| The parent hears of every step of a refund (issue 15): acknowledged,
| agreed (by the institution, by silence past the deadline, before the
| first class, or on the bureau's order), declined with the reason,
| withdrawn, and the money back (or refused by the channel).
|
| Each step announces itself in its own transaction (a `funds:refund_step`
| outbox row, on the step's connection), so a step that rolls back tells
| nobody and a committed one cannot lose its message; the message is
| queued right after commit (actions/tell_refund_step.ts), keyed on the
| refund and its new status, so each step is told once. Queueing it inside
| the step itself would ask the pool for a second connection (queueText
| looks the parent's phone up) while the step holds the order's row lock:
| twenty racing requests for one order then hold every connection and
| wait for each other (concurrency.spec.ts).
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { publish } from '#kernel/shared/outbox'
import type { RefundStepEvent } from '../events.js'
import type Refund from '../models/refund.js'

/** A typed text cut to `max` characters (counted as the template counts them), on one line. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  if (chars.join('').length <= max) return chars.join('')
  while (chars.length && chars.join('').length > max - 1) chars.pop()
  return `${chars.join('')}…`
}

/** Announces the refund's step in `trx`, as the refund stands now. */
export async function announceRefundStep(trx: TransactionClientContract, refund: Refund) {
  await publish(trx, 'funds:refund_step', {
    refundId: refund.id,
    orderId: refund.orderId,
    parentUserId: refund.parentUserId,
    institutionId: refund.institutionId,
    status: refund.status,
    approvedBy: refund.approvedBy,
    amountFen: refund.amountFen,
    answerDueOn: refund.answerDueOn.toISODate()!,
    decisionReason: refund.decisionReason,
    decidedByPerson: refund.decidedBy !== null,
  })
}

const AGREED: Record<NonNullable<RefundStepEvent['approvedBy']>, string> = {
  institution: '机构已同意，款项正原路退回',
  deadline: '机构逾期未答复视为同意，款项正原路退回',
  before_start: '开课前申请全额退费，款项正原路退回',
  bureau: '教育部门已责令退还，款项正原路退回',
}

/** What happened to the refund, in the template's words (at most 35 characters); null when it is no step to tell. */
export function refundStep(step: RefundStepEvent): string | null {
  switch (step.status) {
    case 'requested':
      return `已受理，机构须于${step.answerDueOn}前答复，逾期视为同意`
    case 'refunding':
      return step.approvedBy ? AGREED[step.approvedBy] : null
    case 'declined':
      /*
      | Never the institution's own words in a text signed by the platform
      | (a WeChat id or a phone number would read as official advice): the
      | reason is on the order page and in the inbox link.
      */
      return step.decidedByPerson ? '机构未同意，理由请登录查看' : '未能退费，原因请登录查看'
    case 'withdrawn':
      return '已由您撤回'
    case 'refunded':
      return '已原路退回，请留意到账'
    case 'failed':
      return '原路退回未成功，款项已回到监管账户'
    default:
      return null
  }
}
