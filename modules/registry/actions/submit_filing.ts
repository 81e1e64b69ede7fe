import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import Institution from '../models/institution.js'
import FilingReview from '../models/filing_review.js'
import { SECTIONS } from '../filing/fields.js'
import { firstIncomplete, loadFiling } from '../services/filing.js'
import { accountFiledByAnother } from '../services/supervised_account_owner.js'
import { supervisionFacts } from '../services/supervision_change.js'

/** Sends a complete filing to the bureau: the county for offline institutions, the province for online ones (Art. 5–6). */
export class SubmitFiling {
  async handle(actor: CurrentUser, institutionId: number) {
    await db.transaction(async (trx) => {
      const institution = await Institution.query({ client: trx })
        .where('id', institutionId)
        .forUpdate()
        .firstOrFail()
      if (!['draft', 'returned'].includes(institution.filingStatus))
        throw new DomainError('registry.filing.not_submittable')
      const state = await loadFiling(institution)
      const missing = firstIncomplete(state)
      if (missing) throw new DomainError('registry.filing.incomplete', { section: missing })
      if (
        await accountFiledByAnother(
          trx,
          institutionId,
          supervisionFacts(state.sections.operations?.data ?? {})
        )
      )
        throw new DomainError('registry.filing.account_taken')

      const snapshot = Object.fromEntries(SECTIONS.map((s) => [s, state.sections[s]?.data ?? {}]))
      await FilingReview.create(
        { institutionId, snapshot, submittedAt: DateTime.now(), submittedById: actor.id },
        { client: trx }
      )
      institution.filingStatus = 'submitted'
      await institution.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.filing_submitted',
          actor,
          subjectType: 'institution',
          subjectId: institutionId,
        },
        trx
      )
    })
  }
}
