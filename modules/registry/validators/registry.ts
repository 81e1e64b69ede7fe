import vine from '@vinejs/vine'
import { isValidResidentId } from '#kernel/shared/personal_data'
import { localIsoDate } from '#kernel/shared/dates'
import { FINDING_ITEMS } from '../services/list_rules.js'

const residentId = vine.createRule((value, _, field) => {
  if (typeof value === 'string' && !isValidResidentId(value))
    field.report('身份证号码无效', 'idNumber', field)
})

export const idNumber = () => vine.string().trim().toUpperCase().use(residentId())
const isoDate = () => vine.date({ formats: ['YYYY-MM-DD'] }).transform(localIsoDate)
const document = () => vine.file({ size: '10mb', extnames: ['pdf', 'jpg', 'jpeg', 'png'] })

export const staffValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(64),
  idNumber: idNumber(),
  role: vine.enum(['teaching', 'research', 'other']),
  subjects: vine.array(vine.string().trim().maxLength(32)).optional(),
  teachesAcademic: vine.boolean().optional(),
  certificateNumber: vine.string().trim().maxLength(64).optional(),
  declaresNotServingTeacher: vine.boolean().optional(),
  photo: vine.file({ size: '5mb', extnames: ['jpg', 'jpeg', 'png'] }).optional(),
  consent: document(),
  idCopy: document(),
  noCrime: document(),
})

export const changeRequestValidator = vine.create({
  name: vine.string().trim().maxLength(128).optional(),
  legalRepName: vine.string().trim().maxLength(64).optional(),
  address: vine.string().trim().maxLength(255).optional(),
  licenceNumber: vine.string().trim().maxLength(64).optional(),
  licenceValidTo: isoDate().optional(),
  reason: vine.string().trim().minLength(4).maxLength(1000),
  evidence: document().optional(),
})

export const decisionCommentValidator = vine.create({
  comment: vine.string().trim().minLength(2).maxLength(1000),
})

export const rectificationReportValidator = vine.create({
  report: vine.string().trim().minLength(4).maxLength(2000),
  evidence: document().optional(),
})

export const inspectionPlanValidator = vine.create({
  institutionId: vine.number().positive().withoutDecimals(),
  plannedOn: isoDate(),
  purpose: vine.string().trim().minLength(2).maxLength(255),
})

export const findingsValidator = vine.create({
  findings: vine
    .array(
      vine.object({
        item: vine.enum(FINDING_ITEMS),
        severity: vine.enum(['minor', 'serious']),
        description: vine.string().trim().minLength(2).maxLength(1000),
        deadline: isoDate(),
      })
    )
    .maxLength(30)
    .optional(),
})

export const acceptanceValidator = vine.create({
  opinion: vine.string().trim().minLength(2).maxLength(2000),
  deadline: isoDate().optional(),
})

export const overrideValidator = vine.create({
  status: vine.enum(['white', 'grey', 'black']),
  reason: vine.string().trim().minLength(4).maxLength(500),
})

export const removalValidator = vine.create({
  reason: vine.string().trim().minLength(4).maxLength(500),
  publish: vine.boolean().optional(),
})

export const prohibitedPersonValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(64),
  idNumber: idNumber(),
  reason: vine.enum(['sexual_offence', 'violence', 'drugs', 'other_crime', 'professional_ban']),
  source: vine.string().trim().maxLength(255).optional(),
})

export const spreadsheetValidator = vine.create({
  file: vine.file({ size: '20mb', extnames: ['xlsx', 'csv'] }),
})

export const reviewReturnValidator = vine.create({
  reasons: vine
    .object({
      basic: vine.string().trim().maxLength(1000).optional(),
      qualifications: vine.string().trim().maxLength(1000).optional(),
      operations: vine.string().trim().maxLength(1000).optional(),
      academic: vine.string().trim().maxLength(1000).optional(),
      conditions: vine.string().trim().maxLength(1000).optional(),
    })
    .optional(),
  comment: vine.string().trim().maxLength(1000).optional(),
})
