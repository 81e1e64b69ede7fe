/*
| The variable fields of the standard contract, filled from the course,
| the institution's filing and what the parent enters. The contract is
| always written in Chinese, whatever language the page is shown in.
*/
import i18nManager from '@adonisjs/i18n/services/main'
import { formatYuan } from '#kernel/shared/money'
import type { ContractParty, TeacherFacts } from '#modules/registry'
import type Course from '../models/course.js'
import type { ClassMeeting } from '../course/schedule.js'
import { slotWindows } from '../course/schedule.js'
import type { ChargeLimits } from '../rules/course_facts.js'
import type { ContractFacts, RenderedContract } from './template.js'

export interface ContractParties {
  student: { name: string; idMasked: string; school: string; grade: string }
  guardian: { name: string; relation: string; phoneMasked: string }
}

export const CONTRACT_FACT_KEYS = [
  'studentName',
  'studentIdMasked',
  'studentSchool',
  'studentGrade',
  'guardianName',
  'guardianRelation',
  'guardianPhone',
  'institutionName',
  'creditCode',
  'licenceNumber',
  'licenceValidTo',
  'licenceAuthority',
  'icpNumber',
  'institutionAddress',
  'serviceChannels',
  'kindLabel',
  'deliveryLabel',
  'courseName',
  'gradesLabel',
  'venue',
  'classCount',
  'minutesPerClass',
  'scheduleLabel',
  'startDate',
  'endDate',
  'teachingModeLabel',
  'capacity',
  'minClassSize',
  'namedTeacherLabel',
  'pricePerClass',
  'totalPrice',
  'paymentModeLabel',
  'classesCharged',
  'perCharge',
  'maxMonths',
  'maxClasses',
  'maxYuan',
  'maxMonthsAhead',
  'supervisingBank',
  'supervisedAccount',
  'escrowModelLabel',
  'refundWithinDays',
  'disputeLabel',
  'templateCode',
  'templateVersion',
]

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日']
const NONE = '不适用'

/* Only the last four digits of the supervised account are printed; the bank and parent can match them. */
const maskAccount = (account: string | null) => (account ? `尾号 ${account.slice(-4)}` : NONE)

export function contractFacts(input: {
  course: Course
  party: ContractParty
  teachers: TeacherFacts[]
  parties: ContractParties
  limits: ChargeLimits
  template: { code: string; version: number }
}): ContractFacts {
  const { course, party, teachers, parties, limits, template } = input
  const zh = i18nManager.locale('zh-CN')
  const t = (key: string) => zh.t(`catalog.${key}`)
  const kind =
    course.kind === 'academic'
      ? `${t('kinds.academic')}（${t('subjects.' + course.subject)}）`
      : `${t('kinds.non_academic')}（${t('categories.' + course.category)}）`
  const delivery =
    course.delivery === 'online'
      ? `${t('delivery.online')}（${course.live ? t('live.live') : t('live.recorded')}）`
      : t('delivery.offline')
  const schedule = slotWindows(course.slots, course.minutesPerClass)
    .map((s) => `每周${WEEKDAYS[s.weekday]} ${s.start}—${s.end}`)
    .join('；')
  const named = course.namedTeacher
    ? `乙方承诺由 ${teachers.map((x) => x.name).join('、')} 授课。`
    : `授课教师：${teachers.map((x) => x.name).join('、')}（乙方未承诺指定教师）。`
  return {
    studentName: parties.student.name,
    studentIdMasked: parties.student.idMasked,
    studentSchool: parties.student.school,
    studentGrade: t('grades.' + parties.student.grade),
    guardianName: parties.guardian.name,
    guardianRelation: t('relations.' + parties.guardian.relation),
    guardianPhone: parties.guardian.phoneMasked,
    institutionName: party.name,
    creditCode: party.creditCode ?? NONE,
    licenceNumber: party.licenceNumber ?? NONE,
    licenceValidTo: party.licenceValidTo ?? NONE,
    licenceAuthority: party.licenceAuthority ?? NONE,
    icpNumber: party.delivery === 'online' ? (party.icpNumber ?? NONE) : NONE,
    institutionAddress: party.address ?? NONE,
    serviceChannels: party.serviceChannels.map((c) => c.value).join('；') || NONE,
    kindLabel: kind,
    deliveryLabel: delivery,
    courseName: course.name,
    gradesLabel: course.grades.map((g) => t('grades.' + g)).join('、'),
    venue: course.venue ?? party.platformName ?? NONE,
    classCount: String(course.classCount),
    minutesPerClass: String(course.minutesPerClass),
    scheduleLabel: schedule,
    startDate: course.startDate.toISODate()!,
    endDate: course.endDate.toISODate()!,
    teachingModeLabel: t('teaching_modes.' + course.teachingMode),
    capacity: String(course.capacity),
    minClassSize: String(course.minClassSize),
    namedTeacherLabel: named,
    pricePerClass: formatYuan(course.pricePerClassFen),
    totalPrice: formatYuan(course.totalFen),
    paymentModeLabel: course.paidAtOnce ? '一次性支付' : '分期支付',
    classesCharged: String(course.classesCharged),
    perCharge: formatYuan(course.perChargeFen),
    maxMonths: String(limits.maxMonths),
    maxClasses: String(limits.maxClasses),
    maxYuan: formatYuan(limits.maxFen),
    maxMonthsAhead: String(limits.maxMonthsAhead),
    supervisingBank: party.supervisingBank ?? NONE,
    supervisedAccount: maskAccount(party.supervisedAccount),
    escrowModelLabel: party.escrowModel ? t('escrow.' + party.escrowModel) : NONE,
    refundWithinDays: String(course.refundWithinDays),
    disputeLabel:
      course.disputeResolution === 'arbitration'
        ? `任何一方可向${course.arbitrationBody}申请仲裁`
        : '任何一方可依法向有管辖权的人民法院提起诉讼',
    templateCode: template.code,
    templateVersion: String(template.version),
  }
}

export function timetableOf(classes: ClassMeeting[]): RenderedContract['timetable'] {
  return classes.map((c) => [
    String(c.number),
    c.date,
    `周${WEEKDAYS[c.weekday]}`,
    `${c.start}—${c.end}`,
  ])
}
