import { type TeacherFacts } from '#modules/registry'
import type { ContractParty } from '#modules/registry'
import type Course from '../models/course.js'
import type { ClassMeeting } from '../course/schedule.js'
import { contractFacts, timetableOf } from '../contracts/facts.js'
import { render } from '../contracts/template.js'
import { chargeLimits } from '../extension_points.js'
import { toRegionCode } from '#kernel/shared/region_code'
import { currentTemplate } from './templates.js'

const TO_FILL = '（签约时填写）'

/** The standard contract of a course as a parent can read it before signing: the student's fields left blank. */
export async function templatePreview(view: {
  course: Course
  party: ContractParty | null
  teachers: TeacherFacts[]
  classes: ClassMeeting[]
}) {
  if (!view.party) return null
  /* The form requires at least one grade, so a course without one is broken data. */
  const [grade] = view.course.grades
  if (!grade) throw new Error(`Course ${view.course.id} has no grade to preview a contract for`)
  const template = await currentTemplate()
  const limits = await chargeLimits.resolve(toRegionCode(view.party.regionCode), {
    kind: view.course.kind,
    delivery: view.course.delivery,
  })
  const facts = contractFacts({
    course: view.course,
    party: view.party,
    teachers: view.teachers,
    limits,
    template,
    parties: {
      student: { name: TO_FILL, idMasked: TO_FILL, school: TO_FILL, grade },
      guardian: { name: TO_FILL, relation: 'other', phoneMasked: TO_FILL },
    },
  })
  return { ...render(template, facts, timetableOf(view.classes)), partyA: [] as [string, string][] }
}
