import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { publish } from '#kernel/shared/outbox'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Institution from '../models/institution.js'
import { lockInstitution } from '../services/institution_lock.js'
import { RecomputeListStatus } from './recompute_list_status.js'

/** A removal undone by the same level: back in search and the lists, its status recomputed, in one transaction. */
export class RestoreInstitution {
  async handle(actor: CurrentUser, institution: Institution) {
    await db.transaction(async (trx) => {
      const row = await lockInstitution(trx, institution)
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
