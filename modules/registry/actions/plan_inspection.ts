import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { type CurrentUser, recordAudit } from '#modules/identity'
import Inspection from '../models/inspection.js'
import type Institution from '../models/institution.js'

/*
| The inspection and rectification ledger (2018 manual: 排查 → 整改 →
| 验收 → 销号). Every step recomputes the institution's list status:
| an open finding turns it grey, a missed deadline or a serious one black,
| acceptance of the last one white again. Each step, its audit entry and
| the recomputed status (with its event, through the outbox) commit together.
|
| Planning is the first step: a dated visit with its purpose.
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
