import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import { ZONE, todayIso } from '#kernel/shared/dates'
import { addWorkingDays, workingDaysBetween } from '#kernel/shared/working_days'
import FilingReview from '../models/filing_review.js'
import Institution from '../models/institution.js'
import { remindResponsibleBureau } from './remind_responsible_bureau.js'

/*
| No rule publishes how long a bureau may take over a filing (the 2025
| measures and Jilin's 2019 rules say only that it is reviewed). The
| nearest published number for deciding on a submission is the market
| regulator's: accept or refuse a complaint within 7 working days
| (DOMAIN-RULES.md, complaints; the complaints.deadlines default). A
| filing still waiting after that is put before its reviewer.
*/
export const FILING_REVIEW_WORKING_DAYS = 7

const BATCH = 500

/**
 * Daily: each filing submitted more than FILING_REVIEW_WORKING_DAYS working
 * days ago and still undecided is put, once, in the message centre of the
 * bureau that reviews it (its county, or its province when online).
 */
export class RemindWaitingFilings {
  /** Returns how many accounts it addressed; a second run addresses them again, and the message key lets nothing through twice. */
  async handle(today = todayIso()): Promise<number> {
    /* N working days are at least N calendar days: a cheap bound, then the exact count. */
    const bound = DateTime.fromISO(today, { zone: ZONE }).minus({
      days: FILING_REVIEW_WORKING_DAYS,
    })
    let reminded = 0
    for (let afterId = 0; ;) {
      const waiting = await FilingReview.query()
        .whereNull('decision')
        .where('submittedAt', '<', bound.toJSDate())
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
      if (!waiting.length) break
      afterId = waiting.at(-1)!.id
      for (const review of waiting) {
        const submittedOn = review.submittedAt.setZone(ZONE).toISODate()!
        if (workingDaysBetween(submittedOn, today) <= FILING_REVIEW_WORKING_DAYS) continue
        try {
          reminded += await this.#remind(review, submittedOn)
        } catch (error) {
          logger.error({ err: error, review: review.id }, 'filing review reminder failed')
        }
      }
    }
    return reminded
  }

  async #remind(review: FilingReview, submittedOn: string): Promise<number> {
    const institution = await Institution.find(review.institutionId)
    if (!institution || institution.filingStatus !== 'submitted' || institution.removedAt) return 0
    return remindResponsibleBureau(institution, {
      what: `备案待审核：${institution.name}`,
      due: addWorkingDays(submittedOn, FILING_REVIEW_WORKING_DAYS),
      key: `filing_waiting:${review.id}`,
      link: `/manage/filings/${institution.id}`,
    })
  }
}
