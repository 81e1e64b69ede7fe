import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Finding from '../models/finding.js'
import { storeDocument } from '../services/documents.js'

/** 整改: the institution reports what it put right, with evidence, for the bureau to accept. */
export class ReportRectification {
  async handle(
    actor: CurrentUser,
    finding: Finding,
    report: string,
    evidence?: MultipartFile | null
  ) {
    if (finding.status === 'closed') throw new DomainError('registry.rectifications.closed')
    const document = evidence
      ? await storeDocument(evidence, finding.institutionId, 'rectification', actor.id)
      : null
    finding.merge({
      status: 'reported',
      rectificationReport: report.trim(),
      reportDocumentId: document?.id ?? finding.reportDocumentId,
      reportedAt: DateTime.now(),
    })
    await db.transaction(async (trx) => {
      await finding.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.rectification_reported',
          actor,
          subjectType: 'finding',
          subjectId: finding.id,
        },
        trx
      )
    })
  }
}
