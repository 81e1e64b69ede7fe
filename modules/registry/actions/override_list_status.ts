import db from '@adonisjs/lucid/services/db'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Institution from '../models/institution.js'
import { lockInstitution } from '../services/institution_lock.js'
import { RecomputeListStatus } from './recompute_list_status.js'

/**
 * A bureau sets the list status itself, with a written reason; it holds
 * until cleared (clear_list_override.ts). The change, its audit entry and
 * the recomputed status with its event commit together (issue 13, item 16).
 */
export class OverrideListStatus {
  async handle(
    actor: CurrentUser,
    institution: Institution,
    status: 'white' | 'grey' | 'black',
    reason: string
  ) {
    return db.transaction(async (trx) => {
      const row = await lockInstitution(trx, institution)
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
}
