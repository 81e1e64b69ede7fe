import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import i18nManager from '@adonisjs/i18n/services/main'
import { accountsActingFor } from '#modules/identity'
import { queueText } from '#modules/messages'
import { ZONE, todayIso } from '#kernel/shared/dates'
import Finding from '../models/finding.js'
import { clipTextParam } from './remind_responsible_bureau.js'

/** An institution hears of a rectification this many calendar days before its deadline. */
export const RECTIFICATION_NOTICE_DAYS = 3

/**
 * Daily: every open finding whose deadline falls within the next
 * RECTIFICATION_NOTICE_DAYS days (today included) is put, once per
 * deadline, before the institution's accounts: a missed deadline
 * black-lists it (list_rules.ts). A finding already reported waits for
 * the bureau, not the institution.
 */
export class RemindRectificationsDue {
  async handle(today = todayIso()): Promise<number> {
    const last = DateTime.fromISO(today, { zone: ZONE })
      .plus({ days: RECTIFICATION_NOTICE_DAYS })
      .toISODate()!
    const due = await Finding.query()
      .where('status', 'open')
      .whereBetween('deadline', [today, last])
      .whereIn('institutionId', (q) => q.from('institutions').whereNull('removed_at').select('id'))
      .orderBy('id')
    let reminded = 0
    for (const finding of due) {
      try {
        reminded += await this.#remind(finding)
      } catch (error) {
        logger.error({ err: error, finding: finding.id }, 'rectification reminder failed')
      }
    }
    return reminded
  }

  async #remind(finding: Finding): Promise<number> {
    const deadline = finding.deadline.toISODate()!
    const recipients = await accountsActingFor('institution', finding.institutionId)
    for (const userId of recipients) {
      await queueText({
        kind: 'rectification_due',
        to: { userId },
        params: { item: clipTextParam(itemName(finding), 20), deadline },
        key: `rectification_due:${finding.id}:${deadline}`,
        link: '/institution/rectifications',
      })
    }
    return recipients.length
  }
}

/* The approved text is Chinese, so the item is named as the Chinese ledger names it. */
function itemName(finding: Finding): string {
  return i18nManager.locale('zh-CN').t(`registry.items.${finding.item}`)
}
