/*
| The demo school register (`npm run demo`): schools of Changchun's
| Chaoyang (220104) and Nanguan (220102) districts as their counties would
| list them, with school codes in the register's 10-digit format made up
| for the demo (21 + the county's code + a number) and illustrative
| street numbers, and the demo school
| operator (`ccy_school`) acting for 解放大路小学. Runs before the
| children's demo, which names these schools.
*/
import type { Stage } from '#kernel/shared/school_grades'
import { attachOrganization, lineageOf } from '#modules/identity'
import School from './models/school.js'

type DemoSchool = [name: string, stages: Stage[], address: string]

const SCHOOLS: Record<string, DemoSchool[]> = {
  '220104': [
    ['长春市朝阳区解放大路小学', ['primary'], '长春市朝阳区解放大路 1177 号'],
    ['长春市朝阳区树勋小学', ['primary'], '长春市朝阳区树勋街 86 号'],
    ['长春市朝阳区西五小学', ['primary'], '长春市朝阳区西五马路 22 号'],
    ['长春市朝阳区桂林路小学', ['primary'], '长春市朝阳区桂林路 516 号'],
    ['长春市朝阳区富锦小学', ['primary'], '长春市朝阳区富锦路 1009 号'],
    ['长春市朝阳区红旗街小学', ['primary'], '长春市朝阳区红旗街 2066 号'],
    ['长春市朝阳区南湖实验小学', ['primary'], '长春市朝阳区南湖大路 3366 号'],
    ['长春市朝阳区安达小学', ['primary'], '长春市朝阳区安达街 705 号'],
    ['长春市朝阳区明德学校', ['primary', 'junior'], '长春市朝阳区明德路 188 号'],
    ['长春市第八十七中学', ['junior'], '长春市朝阳区湖西路 1155 号'],
    ['长春市朝阳区第二实验中学', ['junior'], '长春市朝阳区建政路 911 号'],
    ['长春市第十一高中', ['senior'], '长春市朝阳区自由大路 1777 号'],
    ['长春市朝阳区直属机关幼儿园', ['preschool'], '长春市朝阳区同志街 2299 号'],
  ],
  '220102': [
    ['长春市南关区西三条小学', ['primary'], '长春市南关区西三条街 46 号'],
    ['长春市南关区平治街小学', ['primary'], '长春市南关区平治街 588 号'],
    ['长春市南关区东岭学校', ['primary', 'junior'], '长春市南关区东岭南街 1380 号'],
    ['长春市第五中学', ['junior', 'senior'], '长春市南关区亚泰大街 2855 号'],
  ],
}

export const DEMO_OPERATOR_SCHOOL = '长春市朝阳区解放大路小学'

/** Creates (or refreshes) the demo schools; the school operator account, when given, acts for its school. */
export async function seedSchoolsDemo(schoolOperatorId?: number): Promise<{ schools: number }> {
  let count = 0
  let operatorSchool: number | null = null
  for (const [county, schools] of Object.entries(SCHOOLS)) {
    const lineage = lineageOf(county)
    for (const [i, [name, stages, address]] of schools.entries()) {
      const code = `21${county}${String(i + 1).padStart(2, '0')}`
      const school = await School.updateOrCreate(
        { code },
        {
          name,
          code,
          stages,
          address,
          regionCode: lineage.regionCode,
          provinceCode: lineage.provinceCode!,
          cityCode: lineage.cityCode,
          countyCode: lineage.countyCode,
          closedAt: null,
        }
      )
      if (name === DEMO_OPERATOR_SCHOOL) operatorSchool = school.id
      count++
    }
  }
  if (schoolOperatorId && operatorSchool)
    await attachOrganization(schoolOperatorId, 'school', operatorSchool)
  return { schools: count }
}
