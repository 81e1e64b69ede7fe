import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Finding from '../models/finding.js'
import { RecomputeListStatus } from './recompute_list_status.js'

/** 验收不通过: the finding opens again, optionally with a new deadline; the list status follows. */
export class RejectRectification {
  async handle(actor: CurrentUser, finding: Finding, opinion: string, deadline?: string | null) {
    if (finding.status !== 'reported') throw new DomainError('registry.inspections.not_reported')
    finding.merge({
      status: 'open',
      acceptanceOpinion: opinion.trim(),
      deadline: deadline ? DateTime.fromISO(deadline) : finding.deadline,
    })
    await db.transaction(async (trx) => {
      await finding.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.rectification_rejected',
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
