import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { publish } from '#kernel/shared/outbox'
import { type CurrentUser, recordAudit } from '#modules/identity'
import { institutionSummary, openRectificationCase } from '#modules/registry'
import Material from '../models/material.js'
import SpotCheck from '../models/spot_check.js'
import SpotCheckItem, { type Verdict } from '../models/spot_check_item.js'

export interface ReviewInput {
  ideology: Verdict
  science: Verdict
  ageFit: Verdict
  notes?: string | null
  deadline?: string | null
}

/** One sampled material reviewed for 思想性、科学性、适宜性 (spot checks: draw_spot_check.ts). */
export class ReviewSpotCheckItem {
  /** Records the three verdicts; any failure opens a rectification case in the registry's ledger. */
  async handle(
    actor: CurrentUser,
    item: SpotCheckItem,
    input: ReviewInput
  ): Promise<SpotCheckItem> {
    const failed = [input.ideology, input.science, input.ageFit].includes('fail')
    const institution = await institutionSummary(item.institutionId)
    if (!institution) throw new NotFoundException()

    const reviewed = await db.transaction(async (trx) => {
      const row = await SpotCheckItem.query({ client: trx })
        .where('id', item.id)
        .forUpdate()
        .firstOrFail()
      if (row.result !== 'pending') throw new DomainError('catalog.spot_checks.already_reviewed')
      const material = await Material.findOrFail(row.materialId, { client: trx })
      row.merge({
        ideology: input.ideology,
        science: input.science,
        ageFit: input.ageFit,
        notes: input.notes?.trim() || null,
        result: failed ? 'failed' : 'passed',
        reviewedById: actor.id,
        reviewedAt: DateTime.now(),
      })
      if (failed) {
        const aspects = [
          input.ideology === 'fail' && '思想性',
          input.science === 'fail' && '科学性',
          input.ageFit === 'fail' && '适宜性',
        ]
          .filter(Boolean)
          .join('、')
        const opened = await openRectificationCase(
          actor,
          {
            institutionId: row.institutionId,
            item: 'materials',
            severity: 'minor',
            description: `培训材料《${material.title}》抽查不合格（${aspects}）：${row.notes ?? ''}`,
            deadline: input.deadline!,
            purpose: `培训材料抽查（第 ${row.spotCheckId} 批）`,
          },
          { client: trx }
        )
        row.merge({ findingId: opened.findingId, inspectionId: opened.inspectionId })
      }
      await row.useTransaction(trx).save()
      material.checkStatus = failed ? 'failed' : 'passed'
      await material.useTransaction(trx).save()
      const left = await SpotCheckItem.query({ client: trx })
        .where('spotCheckId', row.spotCheckId)
        .where('result', 'pending')
        .count('* as n')
      if (Number(left[0]!.$extras.n) === 0) {
        await SpotCheck.query({ client: trx })
          .where('id', row.spotCheckId)
          .update({ status: 'completed', completed_at: new Date() })
      }
      await recordAudit(
        {
          action: 'catalog.material_reviewed',
          actor,
          subjectType: 'spot_check_item',
          subjectId: item.id,
          regionCode: institution.regionCode,
          summary: row.result,
        },
        trx
      )
      if (row.findingId) {
        await publish(trx, 'catalog:material_check_failed', {
          materialId: row.materialId,
          institutionId: row.institutionId,
          regionCode: institution.regionCode,
          findingId: row.findingId,
        })
      }
      return row
    })
    return reviewed
  }
}
