import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  type CurrentUser,
  type RequestMeta,
  accountsActingFor,
  lineageOf,
  recordAudit,
} from '#modules/identity'
import Child from '../../children/models/child.js'
import School from '../models/school.js'
import { type SchoolInput, assertCodeFree, assertKeptRegion, codeTaken } from './store_school.js'

async function inUse(schoolId: number, trx: TransactionClientContract) {
  const accounts = await accountsActingFor('school', schoolId, trx)
  if (accounts.length) return true
  return Boolean(await Child.query({ client: trx }).where('schoolId', schoolId).first())
}

/** The keeping bureau corrects a school's entry (the policy has checked the school is its own). */
export class UpdateSchool {
  async handle(actor: CurrentUser, schoolId: number, input: SchoolInput, meta: RequestMeta) {
    assertKeptRegion(actor, input.regionCode)
    await assertCodeFree(input.code, schoolId)
    const lineage = lineageOf(input.regionCode)
    try {
      await db.transaction(async (trx) => {
        const school = await School.query({ client: trx })
          .where('id', schoolId)
          .forUpdate()
          .firstOrFail()
        if (school.closedAt) throw new DomainError('students_schools.errors.closed')
        /*
        | Moving a school to another county would strand what its county
        | answers for: its operator accounts (which the new county could
        | not stop) and its pupils' profiles (their county no longer its).
        */
        if (lineage.regionCode !== school.regionCode.trim() && (await inUse(school.id, trx)))
          throw new DomainError('students_schools.errors.move_in_use', {}, { field: 'regionCode' })
        const before = { code: school.code.trim(), name: school.name, stages: school.stages }
        school.merge({
          name: input.name,
          code: input.code,
          stages: input.stages,
          address: input.address || null,
          regionCode: lineage.regionCode,
          provinceCode: lineage.provinceCode!,
          cityCode: lineage.cityCode,
          countyCode: lineage.countyCode,
        })
        await school.save()
        await recordAudit(
          {
            action: 'students.school_updated',
            actor,
            subjectType: 'school',
            subjectId: school.id,
            regionCode: school.regionCode,
            summary: `${input.code} ${input.name}`,
            details: { before },
            meta,
          },
          trx
        )
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken()
      throw error
    }
  }
}
