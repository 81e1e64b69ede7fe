import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, lineageOf, recordAudit } from '#modules/identity'
import type { InstitutionSummary } from '#modules/registry'
import CreditObjection from '../models/credit_objection.js'
import CreditScore from '../models/credit_score.js'

/** Files an institution's objection (异议) to its credit score; one open at a time. */
export class FileObjection {
  async handle(actor: CurrentUser, institution: InstitutionSummary, reason: string) {
    const lineage = lineageOf(institution.regionCode)
    return db.transaction(async (trx) => {
      /* Serialise the institution's objections so two clicks cannot open two. */
      await trx.rawQuery('SELECT pg_advisory_xact_lock(1630, ?::int)', [institution.id])
      const open = await CreditObjection.query({ client: trx })
        .where('institutionId', institution.id)
        .where('status', 'open')
        .first()
      if (open)
        throw new DomainError('credit_score.objections.already_open', {}, { field: 'reason' })
      const score = await CreditScore.find(institution.id, { client: trx })
      const objection = await CreditObjection.create(
        {
          institutionId: institution.id,
          regionCode: lineage.regionCode,
          provinceCode: lineage.provinceCode!,
          cityCode: lineage.cityCode,
          countyCode: lineage.countyCode,
          score: score?.score ?? null,
          grade: score?.grade ?? null,
          reason,
          filedById: actor.id,
          status: 'open',
        },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'credit.objection.filed',
          actor,
          subjectType: 'institution',
          subjectId: institution.id,
          summary: `objection ${objection.id}`,
          regionCode: institution.regionCode,
          details: { objectionId: objection.id },
        },
        trx
      )
      return objection
    })
  }
}
