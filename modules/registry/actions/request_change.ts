import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import ChangeRequest, { type KeyFactChanges } from '../models/change_request.js'
import type Institution from '../models/institution.js'
import { storeDocument } from '../services/documents.js'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import FilingSection from '../models/filing_section.js'
import { accountFiledByAnother } from '../services/supervised_account_owner.js'
import { SUPERVISION_KEYS, supervisionFacts } from '../services/supervision_change.js'

export const CHANGEABLE = [
  'name',
  'legalRepName',
  'address',
  'licenceNumber',
  'licenceValidTo',
] as const
export type ChangeableFact = (typeof CHANGEABLE)[number]

export function currentFacts(institution: Institution): Record<ChangeableFact, string | null> {
  return {
    name: institution.name,
    legalRepName: institution.legalRepName,
    address: institution.address,
    licenceNumber: institution.licenceNumber,
    licenceValidTo: institution.licenceValidTo?.toISODate() ?? null,
  }
}

/**
 * An approved institution asks to change key facts (Art. 12). Only values
 * that differ are kept; one request may be pending at a time. The text
 * facts come from the change form; the filed ones (supervising bank and
 * account, escrow model, venues, categories) from the filing wizard, whose
 * save turns an edit of a key fact into a request (`file`).
 */
export class RequestChange {
  async handle(
    actor: CurrentUser,
    institution: Institution,
    proposed: Partial<Record<ChangeableFact, string>>,
    reason: string,
    evidence?: MultipartFile | null
  ) {
    const facts = currentFacts(institution)
    const changes: KeyFactChanges = {}
    for (const key of CHANGEABLE) {
      const to = proposed[key]?.trim()
      if (to && to !== facts[key]) changes[key] = { from: facts[key], to }
    }
    this.#assertRequestable(institution, changes)
    const document = evidence
      ? await storeDocument(evidence, institution.id, 'change_evidence', actor.id)
      : null
    return this.file(actor, institution, changes, reason, document?.id ?? null)
  }

  /** Files a request for changes already worked out (and validated) by the caller. */
  async file(
    actor: CurrentUser,
    institution: Institution,
    changes: KeyFactChanges,
    reason: string,
    documentId: number | null = null
  ) {
    this.#assertRequestable(institution, changes)
    try {
      return await db.transaction(async (trx) => {
        /* Refused at once rather than at approval: an account another institution filed is never theirs to move into. */
        if (SUPERVISION_KEYS.some((k) => k in changes)) {
          const operations = await FilingSection.query({ client: trx })
            .where('institutionId', institution.id)
            .where('section', 'operations')
            .first()
          const after = {
            ...(operations?.data ?? {}),
            ...Object.fromEntries(
              SUPERVISION_KEYS.filter((k) => changes[k]).map((k) => [k, changes[k]!.to])
            ),
          }
          if (await accountFiledByAnother(trx, institution.id, supervisionFacts(after)))
            throw new DomainError('registry.changes.account_taken')
        }
        const request = await ChangeRequest.create(
          {
            institutionId: institution.id,
            changes,
            reason: reason.trim(),
            documentId,
            status: 'pending',
            requestedById: actor.id,
          },
          { client: trx }
        )
        await recordAudit(
          {
            action: 'registry.change_requested',
            actor,
            subjectType: 'institution',
            subjectId: institution.id,
            regionCode: institution.regionCode,
            summary: Object.keys(changes).join(','),
          },
          trx
        )
        return request
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('registry.changes.one_pending')
      throw error
    }
  }

  #assertRequestable(institution: Institution, changes: KeyFactChanges) {
    if (institution.filingStatus !== 'approved' || institution.removedAt)
      throw new DomainError('registry.changes.not_approved')
    if (!Object.keys(changes).length) throw new DomainError('registry.changes.nothing_changed')
  }
}
