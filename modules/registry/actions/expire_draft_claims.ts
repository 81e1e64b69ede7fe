import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#modules/identity'
import Institution from '../models/institution.js'
import { DRAFT_CLAIM_DAYS } from '../services/credit_code_claims.js'
import { releaseCreditCode } from '../services/credit_code_release.js'

/**
 * Drafts that were never submitted within DRAFT_CLAIM_DAYS of being started
 * let go of their credit code (review finding 5: a squatted code must not
 * be held forever). The draft and what was typed stay; saving the basic
 * part again claims the code again if nobody else has it by then.
 */
export class ExpireDraftClaims {
  async handle(now = DateTime.now()): Promise<number> {
    const cutoff = now.minus({ days: DRAFT_CLAIM_DAYS })
    const due = await Institution.query()
      .where('filingStatus', 'draft')
      .whereNotNull('creditCode')
      .where('createdAt', '<', cutoff.toJSDate())
      .whereNotExists((q) =>
        q.from('filing_reviews').whereColumn('filing_reviews.institution_id', 'institutions.id')
      )
      .select('id')
    let released = 0
    for (const { id } of due) {
      await db.transaction(async (trx) => {
        const draft = await Institution.query({ client: trx })
          .where('id', id)
          .forUpdate()
          .firstOrFail()
        /* Submitted or released meanwhile: nothing to do. */
        if (draft.filingStatus !== 'draft' || !draft.creditCode) return
        const code = draft.creditCode
        await releaseCreditCode(trx, draft)
        await recordAudit(
          {
            action: 'registry.draft_claim_expired',
            actorLabel: '系统',
            subjectType: 'institution',
            subjectId: draft.id,
            regionCode: draft.regionCode,
            summary: code,
          },
          trx
        )
        released++
      })
    }
    return released
  }
}
