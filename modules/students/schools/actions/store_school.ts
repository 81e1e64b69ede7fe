import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import type { Stage } from '#kernel/shared/school_grades'
import { type CurrentUser, type RequestMeta, lineageOf, recordAudit } from '#modules/identity'
import School from '../models/school.js'
import { keptRegions } from '../services/keepers.js'

export interface SchoolInput {
  name: string
  code: string
  stages: Stage[]
  address?: string | null
  regionCode: string
}

/** The region a school is placed in must be one the bureau keeps (its county, or a city's county). */
export function assertKeptRegion(actor: CurrentUser, regionCode: string) {
  if (!keptRegions(actor).some((r) => r.code === regionCode))
    throw new DomainError('students_schools.errors.region', {}, { field: 'regionCode' })
}

/** One 学校标识码, one school, nationally: a second entry of it is said plainly. */
export async function assertCodeFree(code: string, exceptId?: number) {
  const taken = await School.query()
    .where('code', code)
    .if(exceptId, (q) => q.whereNot('id', exceptId!))
    .first()
  if (taken) throw codeTaken()
}

export const codeTaken = () =>
  new DomainError('students_schools.errors.code_taken', {}, { field: 'code' })

/** A county (or a city, for a school it runs) adds a school to the register. */
export class StoreSchool {
  async handle(actor: CurrentUser, input: SchoolInput, meta: RequestMeta): Promise<number> {
    assertKeptRegion(actor, input.regionCode)
    await assertCodeFree(input.code)
    const lineage = lineageOf(input.regionCode)
    try {
      return await db.transaction(async (trx) => {
        const school = await School.create(
          {
            name: input.name,
            code: input.code,
            stages: input.stages,
            address: input.address || null,
            regionCode: lineage.regionCode,
            provinceCode: lineage.provinceCode!,
            cityCode: lineage.cityCode,
            countyCode: lineage.countyCode,
            closedAt: null,
          },
          { client: trx }
        )
        await recordAudit(
          {
            action: 'students.school_added',
            actor,
            subjectType: 'school',
            subjectId: school.id,
            regionCode: school.regionCode,
            summary: `${input.code} ${input.name}`,
            meta,
          },
          trx
        )
        return school.id
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken()
      throw error
    }
  }
}
