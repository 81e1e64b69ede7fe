import vine from '@vinejs/vine'
import { isValidResidentId } from '#kernel/shared/personal_data'
import { localIsoDate } from '#kernel/shared/dates'
import { CATEGORIES, GRADES, KINDS, SUBJECTS, TEACHING_MODES } from '../course/vocabulary.js'
import { MAX_COURSE_DAYS } from '../course/schedule.js'

const isoDate = () => vine.date({ formats: ['YYYY-MM-DD'] })

/* Yuan with at most two decimals ("12", "12.5", "12.50"). */
const yuan = vine.createRule((value, _, field) => {
  if (typeof value === 'number' && Math.round(value * 100) !== Number((value * 100).toFixed(6))) {
    field.report('{field}最多保留两位小数', 'yuan', field)
  }
})

const courseLength = vine.createRule((value, _, field) => {
  const start = field.parent?.startDate
  if (
    value instanceof Date &&
    start instanceof Date &&
    (value.getTime() - start.getTime()) / 86_400_000 > MAX_COURSE_DAYS
  ) {
    field.report('{field}距开课日期不能超过一年', 'courseLength', field)
  }
})

export const courseValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(128),
  kind: vine.enum(KINDS),
  subject: vine.enum(SUBJECTS).optional().requiredWhen('kind', '=', 'academic'),
  category: vine.enum(CATEGORIES).optional().requiredWhen('kind', '=', 'non_academic'),
  grades: vine.array(vine.enum(GRADES)).minLength(1).distinct(),
  delivery: vine.enum(['offline', 'online']),
  live: vine.boolean().optional(),
  venue: vine.string().trim().maxLength(255).optional().requiredWhen('delivery', '=', 'offline'),
  teacherIds: vine
    .array(vine.number().positive().withoutDecimals())
    .minLength(1)
    .maxLength(20)
    .distinct(),
  teachingMode: vine.enum(TEACHING_MODES),
  capacity: vine.number().positive().withoutDecimals().max(1000),
  minClassSize: vine.number().positive().withoutDecimals().max(1000),
  namedTeacher: vine.boolean().optional(),
  startDate: isoDate(),
  endDate: isoDate().afterOrSameAs('startDate').use(courseLength()),
  slots: vine
    .array(
      vine.object({
        weekday: vine.number().withoutDecimals().range([1, 7]),
        start: vine
          .string()
          .trim()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      })
    )
    .minLength(1)
    .maxLength(21),
  minutesPerClass: vine.number().withoutDecimals().min(1).max(240),
  pricePerClass: vine.number().min(0).max(100_000).use(yuan()),
  classesPerCharge: vine.number().positive().withoutDecimals().max(1000),
  homework: vine.boolean().optional(),
  payAfterClass: vine.boolean().optional(),
  refundWithinDays: vine.number().withoutDecimals().range([1, 15]),
  disputeResolution: vine.enum(['court', 'arbitration']),
  arbitrationBody: vine
    .string()
    .trim()
    .maxLength(128)
    .optional()
    .requiredWhen('disputeResolution', '=', 'arbitration'),
  description: vine.string().trim().minLength(10).maxLength(5000),
})

export const reasonValidator = vine.create({
  reason: vine.string().trim().minLength(4).maxLength(500),
})

export const materialValidator = vine.create({
  title: vine.string().trim().minLength(2).maxLength(128),
  source: vine.enum(['self_compiled', 'published']),
  publisher: vine
    .string()
    .trim()
    .maxLength(128)
    .optional()
    .requiredWhen('source', '=', 'published'),
  file: vine.file({ size: '20mb', extnames: ['pdf'] }),
})

export const spotCheckValidator = vine.create({
  regionCode: vine
    .string()
    .trim()
    .regex(/^\d{6}$/),
  periodFrom: isoDate().transform(localIsoDate),
  periodTo: isoDate().afterOrSameAs('periodFrom').transform(localIsoDate),
  sampleSize: vine.number().positive().withoutDecimals().max(200),
})

const verdict = () => vine.enum(['pass', 'fail'])

export const spotCheckReviewValidator = vine.create({
  ideology: verdict(),
  science: verdict(),
  ageFit: verdict(),
  notes: vine
    .string()
    .trim()
    .maxLength(1000)
    .optional()
    .requiredWhen((field) =>
      [field.parent.ideology, field.parent.science, field.parent.ageFit].includes('fail')
    ),
  deadline: isoDate()
    .afterOrEqual('today')
    .transform(localIsoDate)
    .optional()
    .requiredWhen((field) =>
      [field.parent.ideology, field.parent.science, field.parent.ageFit].includes('fail')
    ),
})

const residentId = vine.createRule((value, _, field) => {
  if (typeof value === 'string' && !isValidResidentId(value))
    field.report('{field}不是有效的身份证号码', 'idNumber', field)
})

/* A picked child (childId) brings the student's name, ID, school and grade from the profile; else they are typed. */
const contractFields = {
  childId: vine.number().positive().withoutDecimals().optional(),
  studentName: vine
    .string()
    .trim()
    .minLength(2)
    .maxLength(64)
    .optional()
    .requiredIfMissing('childId'),
  studentIdNumber: vine
    .string()
    .trim()
    .toUpperCase()
    .use(residentId())
    .optional()
    .requiredIfMissing('childId'),
  studentSchool: vine
    .string()
    .trim()
    .minLength(2)
    .maxLength(128)
    .optional()
    .requiredIfMissing('childId'),
  studentGrade: vine.enum(GRADES).optional().requiredIfMissing('childId'),
  /* Typed students only: save them as one of the parent's children after signing. */
  saveChild: vine.boolean().optional(),
  guardianName: vine.string().trim().minLength(2).maxLength(64),
  guardianRelation: vine.enum(['father', 'mother', 'grandparent', 'other']),
}

export const contractFormValidator = vine.create(contractFields)

export const signValidator = vine.create({
  ...contractFields,
  templateVersion: vine.number().positive().withoutDecimals(),
  previewHash: vine.string().regex(/^[0-9a-f]{64}$/),
  password: vine.string().minLength(1).maxLength(128),
  agree: vine.accepted(),
})
