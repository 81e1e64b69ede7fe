import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { type CurrentUser, recordAudit } from '#modules/identity'
import Finding from '../models/finding.js'
import Inspection from '../models/inspection.js'
import Institution from '../models/institution.js'
import { RecomputeListStatus } from './recompute_list_status.js'

export interface RectificationCaseInput {
  institutionId: number
  /** One of FINDING_ITEMS, e.g. "materials". */
  item: string
  severity: 'minor' | 'serious'
  /** What the bureau found, shown to the institution. */
  description: string
  /** ISO date by which the institution must rectify. */
  deadline: string
  /** Why the case was opened, e.g. "培训材料抽查（第 12 批）". */
  purpose: string
}

/**
 * Who opens the case: a bureau's user, or an automated source with no
 * account (a provincial plugin's policy), named in the audit trail and as
 * the inspection's unit the way the platform names its own jobs.
 */
export type CaseOpener = CurrentUser | { automated: string }

/**
 * Opens a rectification case in the registry's ledger from another module's
 * finding (a failed material spot check, say): a recorded inspection with
 * one open finding, then the list status is recomputed (grey until accepted).
 * Given the caller's transaction, the case, its audit entry and the
 * recomputed list status (with its event, through the outbox) commit or
 * roll back with the caller's own writes.
 */
export async function openRectificationCase(
  opener: CaseOpener,
  input: RectificationCaseInput,
  options: { client?: TransactionClientContract } = {}
): Promise<{ inspectionId: number; findingId: number }> {
  const label = 'automated' in opener ? opener.automated : null
  const actor = 'automated' in opener ? null : opener
  const write = async (trx: TransactionClientContract) => {
    const institution = await Institution.findOrFail(input.institutionId, { client: trx })
    const lineage = {
      provinceCode: institution.provinceCode,
      cityCode: institution.cityCode,
      countyCode: institution.countyCode,
    }
    const inspection = await Inspection.create(
      {
        institutionId: institution.id,
        ...lineage,
        plannedOn: DateTime.now(),
        purpose: input.purpose.slice(0, 255),
        status: 'recorded',
        plannedById: actor?.id ?? null,
        plannedByUnit: (actor?.unitName ?? label)?.slice(0, 128) ?? null,
        recordedAt: DateTime.now(),
      },
      { client: trx }
    )
    const finding = await Finding.create(
      {
        inspectionId: inspection.id,
        institutionId: institution.id,
        ...lineage,
        item: input.item,
        severity: input.severity,
        description: input.description.slice(0, 1000),
        deadline: DateTime.fromISO(input.deadline),
        status: 'open',
      },
      { client: trx }
    )
    await recordAudit(
      {
        action: 'registry.rectification_opened',
        ...(actor ? { actor } : { actorLabel: label! }),
        subjectType: 'finding',
        subjectId: finding.id,
        regionCode: institution.regionCode,
        summary: input.purpose,
      },
      trx
    )
    await new RecomputeListStatus().handle(input.institutionId, actor?.id ?? null, trx)
    return { inspectionId: inspection.id, findingId: finding.id }
  }
  return options.client ? write(options.client) : db.transaction(write)
}
