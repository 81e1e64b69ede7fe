import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { bureauAccountsFor } from '#modules/identity'
import { fitParam, queueText } from '#modules/messages'
import type Institution from '../models/institution.js'

type Responsible = Pick<Institution, 'regionCode' | 'provinceCode' | 'delivery'>

/**
 * The accounts of the bureau responsible for an institution, the one that
 * reviews its filing and courses and inspects it (isResponsibleBureau):
 * its county for an offline institution, its province for an online one.
 */
export function responsibleBureauAccounts(
  institution: Responsible,
  client?: TransactionClientContract
): Promise<number[]> {
  return institution.delivery === 'online'
    ? bureauAccountsFor(institution.provinceCode, { levels: ['province'], client })
    : bureauAccountsFor(institution.regionCode, { client })
}

export interface BureauReminder {
  /** What waits, as the text says it (≤ 35 characters; longer is cut). */
  what: string
  /** YYYY-MM-DD. */
  due: string
  /** With the recipient, it is told once. */
  key: string
  link: string
}

/** Puts a deadline reminder in the message centre of each account of the responsible bureau; returns how many. */
export async function remindResponsibleBureau(
  institution: Responsible,
  reminder: BureauReminder,
  trx?: TransactionClientContract
): Promise<number> {
  const recipients = await responsibleBureauAccounts(institution, trx)
  for (const userId of recipients) {
    await queueText(
      {
        kind: 'deadline_reminder',
        to: { userId },
        params: { what: clipTextParam(reminder.what, 35), due: reminder.due },
        key: reminder.key,
        link: reminder.link,
      },
      trx
    )
  }
  return recipients.length
}

/**
 * A name fit for a text variable: the messages module's own fitting (at
 * most `max` characters, the cut marked, no link or sign-name brackets).
 */
export function clipTextParam(text: string, max: number): string {
  return fitParam(text, max)
}
