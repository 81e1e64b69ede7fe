import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Finding from '../models/finding.js'
import { RecomputeListStatus } from './recompute_list_status.js'

/** 验收通过，销号: the reported rectification is accepted and the finding closed; the list status follows. */
export class AcceptRectification {
  async handle(actor: CurrentUser, finding: Finding, opinion: string) {
    if (finding.status !== 'reported') throw new DomainError('registry.inspections.not_reported')
    finding.merge({
      status: 'closed',
      acceptanceOpinion: opinion.trim(),
      acceptedById: actor.id,
      closedAt: DateTime.now(),
    })
    await db.transaction(async (trx) => {
      await finding.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.rectification_accepted',
          actor,
          subjectType: 'finding',
          subjectId: finding.id,
        },
        trx
      )
      await new RecomputeListStatus().handle(finding.institutionId, actor.id, trx)
    })
  }
}
