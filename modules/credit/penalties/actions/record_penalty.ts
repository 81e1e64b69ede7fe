import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { publish } from '#kernel/shared/outbox'
import { fenFromYuan } from '#kernel/shared/money'
import { type CurrentUser, type RequestMeta, lineageOf, recordAudit } from '#modules/identity'
import type { InstitutionSummary } from '#modules/registry'
import Penalty, { KINDS_WITH_AMOUNT, type PenaltyKind } from '../models/penalty.js'

export interface RecordPenaltyInput {
  kind: PenaltyKind
  amountYuan?: string
  documentNumber: string
  decidedOn: Date
  facts: string
  legalBasis: string
  publishUntil: Date
}

/** Records a bureau's penalty decision, its audit entry and its event in one transaction. */
export class RecordPenalty {
  async handle(
    actor: CurrentUser,
    institution: InstitutionSummary,
    input: RecordPenaltyInput,
    meta?: RequestMeta
  ): Promise<Penalty> {
    try {
      return await this.write(actor, institution, input, meta)
    } catch (error) {
      /* One decision, one document number: a second entry of it is a typing slip, said plainly. */
      if (isUniqueViolation(error))
        throw new DomainError(
          'credit_penalties.errors.duplicate_document',
          {},
          { field: 'documentNumber' }
        )
      throw error
    }
  }

  private write(
    actor: CurrentUser,
    institution: InstitutionSummary,
    input: RecordPenaltyInput,
    meta?: RequestMeta
  ): Promise<Penalty> {
    const lineage = lineageOf(institution.regionCode)
    return db.transaction(async (trx) => {
      const penalty = await Penalty.create(
        {
          institutionId: institution.id,
          regionCode: lineage.regionCode,
          provinceCode: lineage.provinceCode!,
          cityCode: lineage.cityCode,
          countyCode: lineage.countyCode,
          kind: input.kind,
          amountFen:
            KINDS_WITH_AMOUNT.includes(input.kind) && input.amountYuan
              ? fenFromYuan(input.amountYuan)
              : null,
          documentNumber: input.documentNumber,
          decidedOn: DateTime.fromJSDate(input.decidedOn),
          facts: input.facts,
          legalBasis: input.legalBasis,
          publishUntil: DateTime.fromJSDate(input.publishUntil),
          recordedById: actor.id,
          recordedByUnit: actor.unitName ?? null,
        },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'credit.penalty.recorded',
          actor,
          subjectType: 'institution',
          subjectId: institution.id,
          summary: `${input.documentNumber} ${input.kind}`,
          regionCode: institution.regionCode,
          details: { penaltyId: penalty.id, kind: input.kind, amountFen: penalty.amountFen },
          meta,
        },
        trx
      )
      await publish(trx, 'credit:penalty_recorded', {
        penaltyId: penalty.id,
        institutionId: institution.id,
        kind: input.kind,
        regionCode: institution.regionCode,
      })
      return penalty
    })
  }
}
