import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { publish } from '#kernel/shared/outbox'
import { todayIso } from '#kernel/shared/dates'
import { toRegionCode } from '#kernel/shared/region_code'
import Institution, { type ListReason, type ListStatus } from '../models/institution.js'
import Finding from '../models/finding.js'
import ListChange from '../models/list_change.js'
import Staff from '../models/staff.js'
import { classifyList } from '../extension_points.js'
import type { ListFacts } from '../services/list_rules.js'
import { publishNotice } from '../services/notices.js'

export async function listFactsOf(
  institution: Institution,
  today = todayIso(),
  client?: TransactionClientContract
): Promise<ListFacts> {
  const open = await Finding.query({ client })
    .where('institutionId', institution.id)
    .whereIn('status', ['open', 'reported'])
  const banned = await Staff.query({ client })
    .where('institutionId', institution.id)
    .where('status', 'hired')
    .where('checkResult', 'prohibited')
    .count('* as n')
  return {
    today,
    filingApproved: institution.filingStatus === 'approved',
    removed: !!institution.removedAt,
    qualificationType: institution.qualificationType,
    licenceValidTo: institution.licenceValidTo?.toISODate() ?? null,
    openFindings: open.map((f) => ({
      item: f.item,
      severity: f.severity,
      deadline: f.deadline.toISODate()!,
    })),
    bannedStaffHired: Number(banned[0]!.$extras.n),
  }
}

/**
 * Recomputes an institution's list status from its facts (rules may differ
 * by province: an extension point). A bureau override wins until cleared.
 * Every change is kept in list_changes; a new black-list entry is
 * published as a notice. The change, its notice and its event (through the
 * outbox) commit together with the caller's transaction when given one.
 */
export class RecomputeListStatus {
  /** `client`: the caller's transaction (a batch import), committed by the caller. */
  async handle(
    institutionId: number,
    changedById: number | null = null,
    client?: TransactionClientContract
  ): Promise<ListStatus> {
    const recompute = async (trx: TransactionClientContract): Promise<ListStatus> => {
      const institution = await Institution.query({ client: trx })
        .where('id', institutionId)
        .forUpdate()
        .firstOrFail()
      const facts = await listFactsOf(institution, todayIso(), trx)
      const ruled = await classifyList.resolve(toRegionCode(institution.regionCode), facts)
      const status: ListStatus = institution.listOverride ?? ruled.status
      const reasons: ListReason[] = institution.listOverride
        ? [{ code: 'override', data: { reason: institution.listOverrideReason ?? '' } }]
        : ruled.reasons
      const from = institution.listStatus
      const changed =
        from !== status || JSON.stringify(institution.listReasons) !== JSON.stringify(reasons)
      if (!changed) return status

      institution.listStatus = status
      institution.listReasons = reasons
      if (from !== status) institution.listChangedAt = DateTime.now()
      await institution.useTransaction(trx).save()
      if (from !== status) {
        await ListChange.create(
          {
            institutionId,
            fromStatus: from,
            toStatus: status,
            reasons,
            source: institution.listOverride ? 'override' : 'rules',
            changedById,
            changedAt: DateTime.now(),
          },
          { client: trx }
        )
        if (status === 'black' && institution.isPublic) {
          await publishNotice(
            {
              kind: 'blacklist',
              institutionId,
              regionCode: institution.regionCode,
              title: `${institution.name}列入黑名单`,
              body: `${institution.name}（统一社会信用代码 ${institution.creditCode ?? '—'}）因存在违规情形，列入校外培训机构黑名单。请家长谨慎选择。`,
              publishedByUnit: null,
            },
            trx
          )
        }
        await publish(trx, 'registry:list_changed', {
          institutionId,
          regionCode: institution.regionCode,
          from,
          to: status,
        })
      }
      return status
    }
    return client ? recompute(client) : db.transaction(recompute)
  }
}
