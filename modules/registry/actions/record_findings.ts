import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import Finding from '../models/finding.js'
import Inspection from '../models/inspection.js'
import { RecomputeListStatus } from './recompute_list_status.js'

export interface FindingInput {
  item: string
  severity: 'minor' | 'serious'
  description: string
  deadline: string
}

/** 排查: what the visit found, each with its rectification deadline; the list status follows (plan_inspection.ts). */
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
