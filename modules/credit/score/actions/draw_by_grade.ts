import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, applyRegionScope, lineageOf, recordAudit } from '#modules/identity'
import CreditDraw from '../models/credit_draw.js'
import type { ScoreBand } from '../national_rules.js'
import { INSPECTION_WEIGHTS, weightedDraw } from '../weighted_draw.js'

export interface DrawInput {
  regionCode: string
  sampleSize: number
}

/** Draws institutions of a region for inspection, weighted by grade, and keeps the draw. */
export class DrawByGrade {
  async handle(actor: CurrentUser, input: DrawInput): Promise<CreditDraw> {
    const seed = randomBytes(8).toString('hex')
    const query = db.from('credit_scores').select('institution_id', 'grade')
    applyRegionScope(query, input.regionCode)
    const population = (await query).map((r) => ({
      institutionId: Number(r.institution_id),
      grade: r.grade as ScoreBand['grade'],
    }))
    if (!population.length)
      throw new DomainError('credit_score.draws.nothing', {}, { field: 'regionCode' })
    const grades = new Map(population.map((p) => [p.institutionId, p.grade]))
    const drawn = weightedDraw(population, input.sampleSize, seed)
    const lineage = lineageOf(input.regionCode)
    return db.transaction(async (trx) => {
      const draw = await CreditDraw.create(
        {
          ...lineage,
          seed,
          population: population.length,
          sampleSize: drawn.length,
          drawn: drawn.map((id) => ({ institutionId: id, grade: grades.get(id)! })),
          weights: { ...INSPECTION_WEIGHTS },
          createdById: actor.id,
          createdByUnit: actor.unitName ?? null,
        },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'credit.draw.drawn',
          actor,
          subjectType: 'credit_draw',
          subjectId: draw.id,
          summary: `${drawn.length} / ${population.length}, seed ${seed}`,
          regionCode: input.regionCode,
        },
        trx
      )
      return draw
    })
  }
}
