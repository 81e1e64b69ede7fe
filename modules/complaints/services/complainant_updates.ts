import { randomUUID } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { unseal } from '#kernel/shared/personal_data'
import { queueText } from '#modules/messages'
import type Complaint from '../models/complaint.js'

/*
| The complainant hears of every step of the case. The message is queued in
| the step's transaction (modules/messages), so a step that rolls back
| tells nobody and a committed one is told once, after commit, retried if
| the provider fails. A parent who complained from their account gets it in
| their inbox and, unless they turned complaint texts off, at their
| account's phone; a complainant without an account gets a text at the
| phone they proved with a code.
*/
export async function queueComplainantUpdate(
  trx: TransactionClientContract,
  c: Complaint,
  what: string
) {
  await queueText(
    {
      kind: 'complaint_update',
      /*
      | A parent's account: its inbox and its own (verified) phone, never the
      | contact number typed on the form, which nobody proved, or a signed-in
      | parent could have the platform text any number. A complainant
      | without an account proved theirs with a code.
      */
      to: c.authorUserId ? { userId: c.authorUserId } : { phone: unseal(c.phoneCipher) },
      params: { number: c.number, what: what.slice(0, 40) },
      key: `complaint_update:${c.id}:${randomUUID()}`,
      link: c.authorUserId ? `/complaints/cases/${c.number}` : undefined,
    },
    trx
  )
}

/** The case number and tracking code, for a complainant without an account, queued with the case. */
export async function queueTrackingCode(
  trx: TransactionClientContract,
  c: Complaint,
  phone: string,
  code: string
) {
  await queueText(
    {
      kind: 'complaint_tracking',
      to: { phone },
      params: { number: c.number, code },
      key: `complaint_tracking:${c.id}`,
    },
    trx
  )
}
