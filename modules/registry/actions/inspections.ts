import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import Finding from '../models/finding.js'
import Inspection from '../models/inspection.js'
import type Institution from '../models/institution.js'
import { storeDocument } from '../services/documents.js'
import { RecomputeListStatus } from './recompute_list_status.js'

export interface FindingInput {
  item: string
  severity: 'minor' | 'serious'
  description: string
  deadline: string
}

/*
| The inspection and rectification ledger (2018 manual: 排查 → 整改 →
| 验收 → 销号). Every step recomputes the institution's list status:
| an open finding turns it grey, a missed deadline or a serious one black,
| acceptance of the last one white again. Each step, its audit entry and
| the recomputed status (with its event, through the outbox) commit together.
*/
export class PlanInspection {
  async handle(actor: CurrentUser, institution: Institution, plannedOn: string, purpose: string) {
    return db.transaction(async (trx) => {
      const inspection = await Inspection.create(
        {
          institutionId: institution.id,
          provinceCode: institution.provinceCode,
          cityCode: institution.cityCode,
          countyCode: institution.countyCode,
          plannedOn: DateTime.fromISO(plannedOn),
          purpose: purpose.trim(),
          status: 'planned',
          plannedById: actor.id,
          plannedByUnit: actor.unitName,
        },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'registry.inspection_planned',
          actor,
          subjectType: 'inspection',
          subjectId: inspection.id,
          regionCode: institution.regionCode,
        },
        trx
      )
      return inspection
    })
  }
}

export class RecordFindings {
  async handle(actor: CurrentUser, inspection: Inspection, findings: FindingInput[]) {
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!
    if (findings.some((f) => f.deadline < today))
      throw new DomainError('registry.inspections.deadline_past', {}, { field: 'findings' })
    await db.transaction(async (trx) => {
      const locked = await Inspection.query({ client: trx })
        .where('id', inspection.id)
        .forUpdate()
        .firstOrFail()
      if (locked.status !== 'planned')
        throw new DomainError('registry.inspections.already_recorded')
      for (const f of findings) {
        await Finding.create(
          {
            inspectionId: locked.id,
            institutionId: locked.institutionId,
            provinceCode: locked.provinceCode,
            cityCode: locked.cityCode,
            countyCode: locked.countyCode,
            item: f.item,
            severity: f.severity,
            description: f.description.trim(),
            deadline: DateTime.fromISO(f.deadline),
            status: 'open',
          },
          { client: trx }
        )
      }
      locked.status = 'recorded'
      locked.recordedAt = DateTime.now()
      await locked.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.findings_recorded',
          actor,
          subjectType: 'inspection',
          subjectId: inspection.id,
          summary: `${findings.length} findings`,
        },
        trx
      )
      await new RecomputeListStatus().handle(inspection.institutionId, actor.id, trx)
    })
  }
}

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

export class AcceptRectification {
  /** 验收通过，销号. */
  async accept(actor: CurrentUser, finding: Finding, opinion: string) {
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

  /** 验收不通过: the finding opens again, optionally with a new deadline. */
  async reject(actor: CurrentUser, finding: Finding, opinion: string, deadline?: string | null) {
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
