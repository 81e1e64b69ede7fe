import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { todayIso } from '#kernel/shared/dates'
import { type CurrentUser, accountsActingForMany, recordAudit } from '#modules/identity'
import { creditGrades } from '#modules/credit'
import { queueTexts } from '#modules/messages'
import { rankByCredit } from '../../eligibility/ranking.js'
import AfterschoolApplication from '../models/afterschool_application.js'
import AfterschoolCall from '../models/afterschool_call.js'
import { judge, writeComparison } from './compare_applications.js'

/**
 * Publishes a closed call's list: every applicant compared again on the
 * day's facts, those that pass and the bureau did not exclude ranked by
 * credit (ranking.ts), the call published; each applicant is told
 * whether it is on the list, in the same transaction (sent after commit).
 */
export class PublishCall {
  async handle(actor: CurrentUser, callId: number) {
    return db.transaction(async (trx) => {
      const call = await AfterschoolCall.query({ client: trx })
        .where('id', callId)
        .forUpdate()
        .firstOrFail()
      if (call.status !== 'open') throw new DomainError('afterschool.errors.published')
      if (todayIso() <= call.closesOn.toISODate()!)
        throw new DomainError('afterschool.errors.still_open')
      const applications = await AfterschoolApplication.query({ client: trx })
        .where('callId', call.id)
        .forUpdate()
      const results = await judge(applications)
      await writeComparison(results, trx)
      const eligible = new Set(results.filter((r) => r.eligible).map((r) => r.applicationId))
      const listed = applications.filter((a) => eligible.has(a.id) && a.decision !== 'excluded')
      if (!listed.length) throw new DomainError('afterschool.errors.empty_list')
      const ranked = rankByCredit(listed, await creditGrades(listed.map((a) => a.institutionId)))
      await trx.rawQuery(
        `UPDATE afterschool_applications a SET rank = d.rank, rank_factors = d.factors::jsonb,
                decision = coalesce(a.decision, 'included'), updated_at = now()
           FROM unnest(?::bigint[], ?::int[], ?::text[]) AS d(id, rank, factors) WHERE a.id = d.id`,
        [
          ranked.map((r) => r.entry.id),
          ranked.map((r) => r.rank),
          ranked.map((r) => JSON.stringify(r.factors)),
        ] as any[]
      )
      call.merge({ status: 'published', publishedAt: DateTime.now(), publishedBy: actor.id })
      await call.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'afterschool.list_published',
          actor,
          subjectType: 'afterschool_call',
          subjectId: call.id,
          regionCode: call.regionCode,
          summary: `${ranked.length} / ${applications.length}`,
        },
        trx
      )
      const onList = new Set(ranked.map((r) => r.entry.institutionId))
      const accounts = await accountsActingForMany(
        'institution',
        applications.map((a) => a.institutionId),
        trx
      )
      await queueTexts(
        applications.flatMap((a) =>
          (accounts.get(a.institutionId) ?? []).map((userId) => ({
            kind: 'reminder' as const,
            to: { userId },
            params: {
              from: actor.unitName ?? '教育行政部门',
              what: onList.has(a.institutionId)
                ? `已列入“${call.title}”课后服务机构名单，学校可选择贵机构。`
                : `未列入“${call.title}”课后服务机构名单，原因见平台。`,
            },
            key: `afterschool_published:${call.id}`,
            link: `/institution/afterschool/calls/${call.id}`,
          }))
        ),
        trx
      )
      return { call, listed: ranked.length }
    })
  }
}
