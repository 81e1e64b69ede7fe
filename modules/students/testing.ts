/* Factories and helpers other modules' tests may use (`#testing/students`). */
import { randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import type { Stage } from '#kernel/shared/school_grades'
import { lineageOf } from '#modules/identity'
import School from './schools/models/school.js'
import { type SchoolSummary, summarize } from './schools/queries/school_summaries.js'

let schoolSequence = 0
const codeBase = randomInt(0, 1_000_000)

/** A school code no other test of the process uses: 10 digits, the province and city first. */
export function uniqueSchoolCode(regionCode = '220104'): string {
  schoolSequence += 1
  return `${regionCode.slice(0, 4)}${String((codeBase + schoolSequence) % 1_000_000).padStart(6, '0')}`
}

/** A school of the register, open unless `closed`. */
export async function createTestSchool(
  input: {
    regionCode?: string
    name?: string
    code?: string
    stages?: Stage[]
    closed?: boolean
  } = {}
): Promise<SchoolSummary> {
  const lineage = lineageOf(input.regionCode ?? '220104')
  const school = await School.create({
    name: input.name ?? `测试学校${schoolSequence + 1}`,
    code: input.code ?? uniqueSchoolCode(lineage.regionCode),
    stages: input.stages ?? ['primary'],
    address: null,
    regionCode: lineage.regionCode,
    provinceCode: lineage.provinceCode!,
    cityCode: lineage.cityCode,
    countyCode: lineage.countyCode,
    closedAt: input.closed ? DateTime.now() : null,
  })
  return summarize(school)
}
