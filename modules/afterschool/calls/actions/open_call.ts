import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { todayIso } from '#kernel/shared/dates'
import { fenFromYuan } from '#kernel/shared/money'
import { type CurrentUser, inScope, lineageOf, recordAudit } from '#modules/identity'
import { schoolSummaries } from '#modules/students'
import AfterschoolCall from '../models/afterschool_call.js'

export interface OpenCallInput {
  title: string
  schoolYear: number
  categories: string[]
  schoolIds: number[]
  maxPriceYuan: string
  opensOn: Date
  closesOn: Date
}

/**
 * A county (or city) bureau opens a call for providers of its schools'
 * after-school services for a school year. The schools come from its
 * register, open and inside its region; the price cap is per class.
 */
export class OpenCall {
  async handle(actor: CurrentUser, input: OpenCallInput): Promise<AfterschoolCall> {
    const region = actor.regionCode!
    const schools = await schoolSummaries(input.schoolIds)
    for (const id of input.schoolIds) {
      const school = schools.get(id)
      if (!school || !school.open || !inScope(school.regionCode, region))
        throw new DomainError('afterschool.errors.school_outside', {}, { field: 'schoolIds' })
    }
    const closes = DateTime.fromJSDate(input.closesOn).toISODate()!
    if (closes < todayIso())
      throw new DomainError('afterschool.errors.closes_past', {}, { field: 'closesOn' })
    /* The call serves its school year: it opens within a year before it and closes before it ends. */
    const opensYear = DateTime.fromJSDate(input.opensOn).year
    if (opensYear < input.schoolYear - 1 || Number(closes.slice(0, 4)) > input.schoolYear + 1)
      throw new DomainError('afterschool.errors.year_dates', {}, { field: 'opensOn' })
    const cap = fenFromYuan(input.maxPriceYuan)
    if (cap <= 0) throw new DomainError('afterschool.errors.cap', {}, { field: 'maxPriceYuan' })
    const lineage = lineageOf(region)
    return db.transaction(async (trx) => {
      const call = await AfterschoolCall.create(
        {
          title: input.title,
          schoolYear: input.schoolYear,
          regionCode: lineage.regionCode,
          provinceCode: lineage.provinceCode ?? lineage.regionCode,
          cityCode: lineage.cityCode ?? undefined,
          countyCode: lineage.countyCode ?? undefined,
          categories: input.categories,
          schoolIds: input.schoolIds,
          maxPricePerClassFen: cap,
          opensOn: DateTime.fromJSDate(input.opensOn),
          closesOn: DateTime.fromJSDate(input.closesOn),
          status: 'open',
          createdBy: actor.id,
        },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'afterschool.call_opened',
          actor,
          subjectType: 'afterschool_call',
          subjectId: call.id,
          regionCode: call.regionCode,
          summary: input.title.slice(0, 200),
        },
        trx
      )
      return call
    })
  }
}
