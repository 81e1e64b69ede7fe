import { ForbiddenException } from '#kernel/exceptions/forbidden_exception'
import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, inScope, recordAudit } from '#modules/identity'
import { whereInstitution } from '#modules/registry'
import Material from '../models/material.js'
import SpotCheck from '../models/spot_check.js'
import SpotCheckItem from '../models/spot_check_item.js'

export interface SpotCheckInput {
  regionCode: string
  periodFrom: string
  periodTo: string
  sampleSize: number
}

/*
| Spot checks of training materials (001: 定期开展校外培训材料抽查，重点聚焦
| 内容的思想性、科学性和适宜性). The sample is drawn at random from the
| materials uploaded in a region within a period; the seed is kept, so the
| same draw can be shown again to anyone who audits it.
*/
export class DrawSpotCheck {
  async handle(actor: CurrentUser, input: SpotCheckInput): Promise<SpotCheck> {
    if (!inScope(input.regionCode, actor.regionCode)) throw new ForbiddenException()
    const seed = randomBytes(8).toString('hex')
    const population = () => {
      const query = Material.query()
        .where(
          'createdAt',
          '>=',
          DateTime.fromISO(input.periodFrom, { zone: 'Asia/Shanghai' }).startOf('day').toJSDate()
        )
        .where(
          'createdAt',
          '<',
          DateTime.fromISO(input.periodTo, { zone: 'Asia/Shanghai' })
            .plus({ days: 1 })
            .startOf('day')
            .toJSDate()
        )
      return whereInstitution(query, 'institution_id', { region: input.regionCode })
    }
    const check = await db.transaction(async (trx) => {
      const counted = await population().useTransaction(trx).count('* as n')
      const total = Number(counted[0]!.$extras.n)
      if (!total)
        throw new DomainError('catalog.spot_checks.nothing_to_sample', {}, { field: 'periodFrom' })
      const sample = await population()
        .useTransaction(trx)
        .orderByRaw('md5(id::text || ?)', [seed])
        .limit(input.sampleSize)
        .select('id', 'institution_id')
      const created = await SpotCheck.create(
        {
          regionCode: input.regionCode,
          periodFrom: DateTime.fromISO(input.periodFrom),
          periodTo: DateTime.fromISO(input.periodTo),
          sampleSize: sample.length,
          population: total,
          seed,
          status: 'open',
          createdById: actor.id,
          createdByUnit: actor.unitName,
        },
        { client: trx }
      )
      await SpotCheckItem.createMany(
        sample.map((m) => ({
          spotCheckId: created.id,
          materialId: m.id,
          institutionId: m.institutionId,
          result: 'pending' as const,
        })),
        { client: trx }
      )
      await recordAudit(
        {
          action: 'catalog.spot_check_drawn',
          actor,
          subjectType: 'spot_check',
          subjectId: created.id,
          regionCode: input.regionCode,
          summary: `${created.sampleSize}/${created.population}`,
        },
        trx
      )
      return created
    })
    return check
  }
}
