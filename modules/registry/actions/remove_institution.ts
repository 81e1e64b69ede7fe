import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { publish } from '#kernel/shared/outbox'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Institution from '../models/institution.js'
import { lockInstitution } from '../services/institution_lock.js'
import { publishNotice } from '../services/notices.js'

/**
 * Removal from the platform (Art. 15): the institution leaves search and
 * the lists, its records stay, and a major case may be published. The
 * change, its public notice, its audit entry and the event commit together
 * or not at all (issue 13, item 16). After commit the event reaches
 * statistics and funds, which tells every parent with a live contract or
 * unconsumed fees what it means for their money (inbox and text; funds'
 * tell_parents_at_risk.ts). The same level can undo it
 * (restore_institution.ts).
 */
export class RemoveInstitution {
  async handle(actor: CurrentUser, institution: Institution, reason: string, published: boolean) {
    await db.transaction(async (trx) => {
      const row = await lockInstitution(trx, institution)
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
}
