/*
| The demo parent's two children (`npm run demo`): synthetic ID numbers of
| Changchun's Chaoyang district (220104) with computed check digits, ages
| that fit their grades in the current school year, and a school of the
| register where the county's demo schools exist (else a school "not in
| the register", by name). The development stand-in of the student-record
| service seeds the same two records, so both profiles check as found.
*/
import { todayIso } from '#kernel/shared/dates'
import { withResidentIdCheckDigit } from '#kernel/shared/personal_data'
import type { Grade, Stage } from '#kernel/shared/school_grades'
import { openSchoolsIn } from '../schools/queries/school_summaries.js'
import type { Relation } from './models/child_guardian.js'
import Child from './models/child.js'
import { StoreChild } from './actions/store_child.js'
import { schoolYearOf } from './services/grade_age.js'
import type { SeededRecord } from './student_record/stand_in.js'

const COUNTY = '220104'

interface DemoChild {
  name: string
  idNumber: string
  grade: Grade
  stage: Stage
  fallbackSchool: string
  relation: Relation
}

function demoChildren(schoolYear = schoolYearOf(todayIso())): DemoChild[] {
  /* Born in March and June: 8 and 12 on 1 September, the usual ages of primary 3 and junior 1. */
  const id = (age: number, monthDay: string, sequence: string) =>
    withResidentIdCheckDigit(`${COUNTY}${schoolYear - age}${monthDay}${sequence}`)
  return [
    {
      name: '王小雨',
      idNumber: id(8, '0315', '024'),
      grade: 'p3',
      stage: 'primary',
      fallbackSchool: '长春市朝阳区解放大路小学',
      relation: 'mother',
    },
    {
      name: '王小川',
      idNumber: id(12, '0602', '037'),
      grade: 'j1',
      stage: 'junior',
      fallbackSchool: '长春市第二实验中学',
      relation: 'mother',
    },
  ]
}

async function schoolFor(child: DemoChild) {
  const schools = await openSchoolsIn(COUNTY)
  return schools.find((s) => s.stages.includes(child.stage)) ?? null
}

/** Seeds the demo parent's children once (a second run finds them and adds nothing). */
export async function seedStudentsDemo(parent: {
  id: number
  role: 'parent'
  displayName: string
}): Promise<{ children: number }> {
  let added = 0
  for (const child of demoChildren()) {
    const school = await schoolFor(child)
    const exists = await Child.query()
      .where('name', child.name)
      .where('createdByUserId', parent.id)
      .first()
    if (exists) continue
    await new StoreChild().handle(
      { ...parent, unitName: null },
      {
        name: child.name,
        idNumber: child.idNumber,
        countyCode: COUNTY,
        schoolId: school?.id ?? null,
        schoolName: school ? null : child.fallbackSchool,
        grade: child.grade,
        relation: child.relation,
      }
    )
    added++
  }
  return { children: added }
}

/** What the development stand-in's register holds: the demo children, as their schools record them. */
export async function demoStudentRecords(): Promise<SeededRecord[]> {
  return Promise.all(
    demoChildren().map(async (child) => {
      const school = await schoolFor(child)
      return {
        idNumber: child.idNumber,
        name: child.name,
        schoolCode: school?.code ?? null,
        schoolName: school?.name ?? child.fallbackSchool,
        grade: child.grade,
      }
    })
  )
}
