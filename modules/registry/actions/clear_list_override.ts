import db from '@adonisjs/lucid/services/db'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Institution from '../models/institution.js'
import { lockInstitution } from '../services/institution_lock.js'
import { RecomputeListStatus } from './recompute_list_status.js'

/** The bureau's own list status is lifted: the computed one applies again, in the same transaction. */
export class ClearListOverride {
  async handle(actor: CurrentUser, institution: Institution) {
    return db.transaction(async (trx) => {
      const row = await lockInstitution(trx, institution)
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
