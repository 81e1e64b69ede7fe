import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/exceptions/domain_error'
import { publish } from '#kernel/shared/outbox'
import { type CurrentUser, recordAudit } from '#modules/identity'
import Institution from '../models/institution.js'
import { publishNotice } from '../services/notices.js'
import { RecomputeListStatus } from './recompute_list_status.js'

/*
| Each decision below is one transaction: the change, its public notice,
| its audit entry, the recomputed list status and the event other modules
| react to commit together or not at all (issue 13, item 16). The row is
| locked first, so two bureaus acting at once apply one after the other.
*/
const lockedRow = (trx: TransactionClientContract, institution: Institution) =>
  Institution.query({ client: trx }).where('id', institution.id).forUpdate().firstOrFail()

/** A bureau sets the list status itself, with a written reason; it holds until cleared. */
export class OverrideListStatus {
  async set(
    actor: CurrentUser,
    institution: Institution,
    status: 'white' | 'grey' | 'black',
    reason: string
  ) {
    return db.transaction(async (trx) => {
      const row = await lockedRow(trx, institution)
      row.merge({ listOverride: status, listOverrideReason: reason.trim() })
      await row.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.list_overridden',
          actor,
          subjectType: 'institution',
          subjectId: row.id,
          regionCode: row.regionCode,
          summary: `${status}: ${reason}`,
        },
        trx
      )
      return new RecomputeListStatus().handle(row.id, actor.id, trx)
    })
  }

  async clear(actor: CurrentUser, institution: Institution) {
    return db.transaction(async (trx) => {
      const row = await lockedRow(trx, institution)
      row.merge({ listOverride: null, listOverrideReason: null })
      await row.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.list_override_cleared',
          actor,
          subjectType: 'institution',
          subjectId: row.id,
          regionCode: row.regionCode,
        },
        trx
      )
      return new RecomputeListStatus().handle(row.id, actor.id, trx)
    })
  }
}

/**
 * Removal from the platform (Art. 15): the institution leaves search and
 * the lists, its records stay, and a major case may be published. The
 * event it emits is heard by statistics only: nobody texts the parents and
 * staff concerned yet (issue 15). The same level can undo it.
 */
export class RemoveInstitution {
  async remove(actor: CurrentUser, institution: Institution, reason: string, published: boolean) {
    await db.transaction(async (trx) => {
      const row = await lockedRow(trx, institution)
      if (row.removedAt) throw new DomainError('registry.removal.already_removed')
      row.merge({ removedAt: DateTime.now(), removalReason: reason.trim(), removedById: actor.id })
      await row.useTransaction(trx).save()
      if (published) {
        await publishNotice(
          {
            kind: 'removal',
            institutionId: row.id,
            regionCode: row.regionCode,
            title: `${row.name}从平台撤除`,
            body: `${row.name}（统一社会信用代码 ${row.creditCode ?? '—'}）${reason.trim()}，经${actor.unitName ?? '属地教育行政部门'}履行相关程序，自 ${DateTime.now().setZone('Asia/Shanghai').toISODate()} 起从全国平台撤除。已购课家长请通过平台申请退费或投诉。`,
            publishedByUnit: actor.unitName,
          },
          trx
        )
      }
      await recordAudit(
        {
          action: 'registry.institution_removed',
          actor,
          subjectType: 'institution',
          subjectId: row.id,
          regionCode: row.regionCode,
          summary: reason,
        },
        trx
      )
      await publish(trx, 'registry:institution_removed', {
        institutionId: row.id,
        regionCode: row.regionCode,
        reason,
      })
    })
  }

  async restore(actor: CurrentUser, institution: Institution) {
    await db.transaction(async (trx) => {
      const row = await lockedRow(trx, institution)
      if (!row.removedAt) throw new DomainError('registry.removal.not_removed')
      row.merge({ removedAt: null, removalReason: null, removedById: null })
      await row.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.institution_restored',
          actor,
          subjectType: 'institution',
          subjectId: row.id,
          regionCode: row.regionCode,
        },
        trx
      )
      await new RecomputeListStatus().handle(row.id, actor.id, trx)
      await publish(trx, 'registry:institution_restored', {
        institutionId: row.id,
        regionCode: row.regionCode,
      })
    })
  }
}
