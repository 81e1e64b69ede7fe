import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { publish } from '#kernel/shared/outbox'
import { type CurrentUser, lineageOf, recordAudit } from '#modules/identity'
import Institution from '../models/institution.js'
import FilingReview from '../models/filing_review.js'
import { type Section } from '../filing/fields.js'
import { loadFiling } from '../services/filing.js'
import { RecomputeListStatus } from './recompute_list_status.js'

export type ReviewDecision =
  | { decision: 'approved'; comment?: string | null }
  | { decision: 'returned'; reasons: Partial<Record<Section, string>>; comment?: string | null }

/**
 * The bureau approves a filing (the institution becomes public, its list
 * status is computed) or returns it with reasons per part. The decision,
 * the recomputed list status, the audit entry and the event (outbox) commit
 * together or not at all.
 */
export class ReviewFiling {
  async handle(actor: CurrentUser, institutionId: number, review: ReviewDecision) {
    if (review.decision === 'returned' && !Object.values(review.reasons).some((r) => r?.trim())) {
      throw new DomainError('registry.review.reason_required')
    }
    await db.transaction(async (trx) => {
      const institution = await Institution.query({ client: trx })
        .where('id', institutionId)
        .forUpdate()
        .firstOrFail()
      if (institution.filingStatus !== 'submitted')
        throw new DomainError('registry.review.not_submitted')
      const pending = await FilingReview.query({ client: trx })
        .where('institutionId', institutionId)
        .whereNull('decision')
        .orderBy('id', 'desc')
        .firstOrFail()

      pending.decision = review.decision
      pending.reasons = review.decision === 'returned' ? cleanReasons(review.reasons) : {}
      pending.comment = review.comment?.trim() || null
      pending.decidedById = actor.id
      pending.decidedAt = DateTime.now()
      await pending.useTransaction(trx).save()

      if (review.decision === 'returned') {
        institution.filingStatus = 'returned'
      } else {
        await applyApprovedFiling(institution)
        institution.filingStatus = 'approved'
        institution.approvedAt = DateTime.now()
      }
      await institution.useTransaction(trx).save()

      if (review.decision === 'approved') {
        await new RecomputeListStatus().handle(institutionId, actor.id, trx)
        await publish(trx, 'registry:filing_approved', {
          institutionId,
          regionCode: institution.regionCode,
        })
      }
      await recordAudit(
        {
          action: `registry.filing_${review.decision}`,
          actor,
          subjectType: 'institution',
          subjectId: institutionId,
        },
        trx
      )
    })
  }
}

function cleanReasons(reasons: Partial<Record<Section, string>>) {
  return Object.fromEntries(
    Object.entries(reasons)
      .filter(([, v]) => v && v.trim())
      .map(([k, v]) => [k, v!.trim()])
  )
}

/** Copies the filed facts the public sees into the institution's columns. */
export async function applyApprovedFiling(institution: Institution) {
  const { values } = await loadFiling(institution)
  applyApprovedValues(institution, values)
}

export function applyApprovedValues(institution: Institution, values: Record<string, any>) {
  const lineage = lineageOf(values.regionCode ?? institution.regionCode)
  institution.merge({
    name: values.name ?? institution.name,
    creditCode: values.creditCode ?? institution.creditCode,
    delivery: values.delivery ?? institution.delivery,
    nature: values.nature ?? institution.nature,
    regionCode: lineage.regionCode,
    provinceCode: lineage.provinceCode!,
    cityCode: lineage.cityCode,
    countyCode: lineage.countyCode,
    address: values.address ?? institution.address,
    legalRepName: values.legalRepName ?? institution.legalRepName,
    categories: values.categories ?? [],
    qualificationType: values.qualificationType ?? null,
    licenceNumber: values.licenceNumber ?? null,
    licenceValidTo: values.licenceValidTo ? DateTime.fromISO(values.licenceValidTo) : null,
    serviceChannels: values.serviceChannels ?? [],
  })
}
