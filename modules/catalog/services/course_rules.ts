/*
| Runs every rule that holds a course in its institution's region: the
| national ones and the province's (extension points), on the timetable
| worked out once here.
*/
import type { Violation } from '#plugin_sdk'
import { toRegionCode } from '#kernel/shared/region_code'
import { teachersOf } from '#modules/registry'
import { chargeLimits, validateCourse } from '../extension_points.js'
import type { CourseDraft } from '../course/draft.js'
import { type ClassMeeting, classMeetings, slotWindows } from '../course/schedule.js'
import { stagesOf } from '../course/vocabulary.js'
import type { ChargeLimits } from '../rules/course_facts.js'

export interface RuledInstitution {
  id: number
  regionCode: string
  delivery: 'offline' | 'online'
  categories: string[]
}

export interface CourseCheck {
  violations: Violation[]
  classes: ClassMeeting[]
  limits: ChargeLimits
}

export async function checkCourse(
  institution: RuledInstitution,
  draft: CourseDraft
): Promise<CourseCheck> {
  const region = toRegionCode(institution.regionCode)
  const limits = await chargeLimits.resolve(region, { kind: draft.kind, delivery: draft.delivery })
  const slots = slotWindows(draft.slots, draft.minutesPerClass)
  const classes = classMeetings(draft.startDate, draft.endDate, slots)
  const teachers = await teachersOf(institution.id, draft.teacherIds)
  const violations = await validateCourse.resolve(region, {
    kind: draft.kind,
    subject: draft.subject,
    category: draft.category,
    grades: [...draft.grades],
    stages: stagesOf(draft.grades),
    delivery: draft.delivery,
    live: draft.delivery === 'online' && draft.live,
    startDate: draft.startDate,
    endDate: draft.endDate,
    minutesPerClass: draft.minutesPerClass,
    slots,
    classes,
    pricePerClassFen: draft.pricePerClassFen,
    classesPerCharge: draft.classesPerCharge,
    capacity: draft.capacity,
    homework: draft.homework,
    teachers: teachers.map((t) => ({
      id: t.id,
      name: t.name,
      admitted: t.admitted,
      certificateNumber: t.certificateNumber,
      hasPhoto: t.hasPhoto,
    })),
    institution: { delivery: institution.delivery, categories: [...institution.categories] },
    chargeLimits: limits,
  })
  /* A teacher id the institution does not employ is reported, never silently dropped. */
  const unknown = draft.teacherIds.filter((id) => !teachers.some((t) => t.id === id))
  if (unknown.length) {
    violations.push({
      rule: 'national.teacher_unknown',
      authority: { 'zh-CN': '本平台课程信息规范', 'en': 'Platform course data rules' },
      message: {
        'zh-CN': '所选教师不是本机构的教学人员。',
        'en': 'A chosen teacher is not on the institution’s teaching staff.',
      },
      fix: { 'zh-CN': '从本机构在职教师中选择。', 'en': 'Choose from the institution’s teachers.' },
      field: 'teacherIds',
    })
  }
  return { violations, classes, limits }
}
