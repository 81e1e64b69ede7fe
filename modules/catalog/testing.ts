/*
| Test helpers other modules' tests may use (`#testing/catalog`).
*/
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import drive from '@adonisjs/drive/services/main'
import { sealIdNumber } from '#kernel/shared/personal_data'
import { institutionSummary } from '#modules/registry'
import { todayIso } from '#kernel/shared/dates'
import Course from './models/course.js'
import Contract from './models/contract.js'
import { currentTemplate } from './services/templates.js'
import { sha256Of } from './contracts/template.js'
import type { CourseDraft } from './course/draft.js'
import type { CourseStatus } from './course/vocabulary.js'
import { stagesOf } from './course/vocabulary.js'
import { classMeetings, slotWindows } from './course/schedule.js'
import { timetableOf } from './contracts/facts.js'

const inDays = (days: number) => DateTime.fromISO(todayIso()).plus({ days }).toISODate()!

/** A course that meets every national rule: offline arts, Saturdays, 12 classes, starting in a week. */
export function courseDraft(overrides: Partial<CourseDraft> = {}): CourseDraft {
  return {
    name: '少儿美术启蒙班',
    kind: 'non_academic',
    subject: null,
    category: 'arts',
    grades: ['p1', 'p2'],
    delivery: 'offline',
    live: false,
    venue: '解放大路 100 号 3 楼',
    teacherIds: [],
    teachingMode: 'small_class',
    capacity: 12,
    minClassSize: 3,
    namedTeacher: true,
    startDate: inDays(7),
    endDate: inDays(7 + 7 * 11),
    slots: [{ weekday: DateTime.fromISO(inDays(7)).weekday, start: '09:00' }],
    minutesPerClass: 60,
    pricePerClassFen: 120_00,
    classesPerCharge: 12,
    homework: false,
    payAfterClass: false,
    refundWithinDays: 7,
    disputeResolution: 'court',
    arbitrationBody: null,
    description: '小班教学，注重兴趣培养和基础训练。',
    ...overrides,
  }
}

/** The course form as a browser posts it (price in yuan, dates as text). */
export function courseForm(draft: CourseDraft): Record<string, any> {
  const {
    pricePerClassFen,
    live,
    namedTeacher,
    homework,
    payAfterClass,
    subject,
    category,
    arbitrationBody,
    ...rest
  } = draft
  return {
    ...rest,
    ...(subject ? { subject } : {}),
    ...(category ? { category } : {}),
    ...(arbitrationBody ? { arbitrationBody } : {}),
    ...(live ? { live: 'true' } : {}),
    ...(namedTeacher ? { namedTeacher: 'true' } : {}),
    ...(homework ? { homework: 'true' } : {}),
    ...(payAfterClass ? { payAfterClass: 'true' } : {}),
    pricePerClass: (pricePerClassFen / 100).toFixed(2),
  }
}

/** A course written straight to the table, in any status (for tests of later steps). */
export async function createCourse(
  institutionId: number,
  draft: CourseDraft,
  status: CourseStatus = 'on_sale'
) {
  const classes = classMeetings(
    draft.startDate,
    draft.endDate,
    slotWindows(draft.slots, draft.minutesPerClass)
  )
  return Course.create({
    ...draft,
    institutionId,
    startDate: DateTime.fromISO(draft.startDate),
    endDate: DateTime.fromISO(draft.endDate),
    stages: stagesOf(draft.grades),
    classCount: classes.length,
    status,
    version: 1,
    listedAt: status === 'on_sale' ? DateTime.now() : null,
  })
}

/** A signed contract written straight to the tables (content and PDF are placeholders, the timetable is the course's; for access tests). */
export async function signedContractFixture(
  courseId: number,
  parentUserId: number
): Promise<number> {
  const course = await Course.findOrFail(courseId)
  const institution = (await institutionSummary(course.institutionId))!
  const template = await currentTemplate()
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n')
  const key = `tests/contract-${randomUUID()}.pdf`
  await drive.use().put(key, pdf)
  const sealed = sealIdNumber('22010420150101001X')
  const content = {
    title: '测试合同',
    basis: '',
    templateCode: template.code,
    templateVersion: template.version,
    partyA: [],
    partyB: [],
    sections: [],
    timetable: timetableOf(
      classMeetings(
        course.startDate.toISODate()!,
        course.endDate.toISODate()!,
        slotWindows(course.slots, course.minutesPerClass)
      )
    ),
  }
  const contract = await Contract.create({
    number: `XWTEST${randomUUID().slice(0, 8)}`,
    templateId: template.id,
    templateVersion: template.version,
    courseId,
    courseVersion: course.version,
    institutionId: institution.id,
    regionCode: institution.regionCode,
    provinceCode: institution.provinceCode,
    cityCode: institution.cityCode,
    countyCode: institution.countyCode,
    parentUserId,
    studentName: '测试学员',
    studentIdCipher: sealed.cipher,
    studentIdIndex: `${sealed.index}-${randomUUID()}`,
    studentIdMasked: sealed.masked,
    studentSchool: '测试小学',
    studentGrade: course.grades[0],
    guardianName: '测试家长',
    guardianRelation: 'mother',
    totalFen: course.totalFen,
    perChargeFen: course.perChargeFen,
    classCount: course.classCount,
    content,
    contentSha256: sha256Of(content),
    pdfKey: key,
    pdfSha256: sha256Of(pdf),
    signMethod: 'password',
    signerIp: null,
    signedAt: DateTime.now(),
    status: 'signed',
  })
  return contract.id
}
