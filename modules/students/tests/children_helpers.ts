/*
| Helpers of the children's tests: a school of the register written
| straight to `schools` (the register's own builders are another part's
| work in progress), synthetic ID numbers with computed check digits, and
| the student-record stand-in the platform is pointed at.
*/
import { randomInt } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { todayIso } from '#kernel/shared/dates'
import { withResidentIdCheckDigit } from '#kernel/shared/personal_data'
import type { Stage } from '#kernel/shared/school_grades'
import { schoolYearOf } from '../children/services/grade_age.js'
import {
  HttpStudentRecordService,
  useStudentRecordService,
} from '../children/student_record/service.js'
import {
  type SeededRecord,
  type StudentRecordStandIn,
  startStudentRecordStandIn,
} from '../children/student_record/stand_in.js'

export const SCHOOL_YEAR = schoolYearOf(todayIso())

let sequence = randomInt(0, 900_000)

export async function childTestSchool(
  input: { county?: string; name?: string; stages?: Stage[]; closed?: boolean } = {}
) {
  const county = input.county ?? '220104'
  sequence += 1
  const [row] = await db
    .table('schools')
    .insert({
      name: input.name ?? `测试小学${sequence}`,
      code: `${county.slice(0, 4)}${String(sequence % 1_000_000).padStart(6, '0')}`,
      region_code: county,
      province_code: `${county.slice(0, 2)}0000`,
      city_code: `${county.slice(0, 4)}00`,
      county_code: county,
      stages: input.stages ?? ['primary'],
      closed_at: input.closed ? new Date() : null,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning(['id', 'name', 'code'])
  return { id: Number(row.id), name: row.name as string, code: (row.code as string).trim() }
}

/**
 * A synthetic child's ID (region 220104) that no other test uses: born in
 * March, `age` on 1 September of this school year, a random sequence, the
 * check digit computed.
 */
export function childId(age = 8, sex: 'female' | 'male' = 'female'): string {
  sequence += 1
  const serial = String(sequence % 100).padStart(2, '0')
  const last = sex === 'male' ? 1 + 2 * (sequence % 5) : 2 * (sequence % 5)
  const day = String(1 + (sequence % 28)).padStart(2, '0')
  return withResidentIdCheckDigit(`220104${SCHOOL_YEAR - age}03${day}${serial}${last}`)
}

/** A form for the child page, valid as is. */
export function childForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: '李小花',
    idNumber: childId(),
    countyCode: '220104',
    school: 'other',
    schoolName: '长春市朝阳区解放大路小学',
    grade: 'p3',
    relation: 'mother',
    ...overrides,
  }
}

export const STAND_IN_SECRET = 'stand-in-secret-of-the-tests'

/** The stand-in, and the platform pointed at it until `close`. */
export async function withStandIn(
  records: SeededRecord[] = [],
  secret = STAND_IN_SECRET
): Promise<StudentRecordStandIn> {
  const standIn = await startStudentRecordStandIn({
    apps: { 'xiaowai-test': STAND_IN_SECRET },
    records,
  })
  useStudentRecordService(
    new HttpStudentRecordService({
      url: standIn.url,
      appId: 'xiaowai-test',
      secret,
      timeoutMs: 2000,
    })
  )
  const close = standIn.close
  return Object.assign(standIn, {
    close: async () => {
      useStudentRecordService(null)
      await close()
    },
  })
}
