import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import FilingSection from '../models/filing_section.js'
import type Institution from '../models/institution.js'
import { isSkippable } from '../filing/fields.js'
import { loadFiling } from '../services/filing.js'

/** The academic part may be skipped by an institution that offers no academic training (2018 manual). */
export class SkipAcademicSection {
  async handle(actor: CurrentUser, institution: Institution) {
    if (institution.filingStatus === 'submitted')
      throw new DomainError('registry.filing.locked_in_review')
    const { values } = await loadFiling(institution)
    if (!isSkippable('academic', values))
      throw new DomainError('registry.filing.cannot_skip_academic')
    await db.transaction(async (trx) => {
      await FilingSection.updateOrCreate(
        { institutionId: institution.id, section: 'academic' },
        { data: {}, sealed: {}, complete: true, skipped: true },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'registry.filing_saved',
          actor,
          subjectType: 'institution',
          subjectId: institution.id,
          regionCode: institution.regionCode,
          summary: 'academic skipped',
        },
        trx
      )
    })
  }
}
