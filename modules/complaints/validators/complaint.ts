import vine from '@vinejs/vine'
import { COMPLAINT_TYPES, TARGET_TYPES } from '../models/complaint.js'

const mobilePhone = () =>
  vine
    .string()
    .trim()
    .regex(/^(\+?86)?[\s-]*1[3-9](?:[\s-]*\d){9}$/)
    .transform((value) => value.replace(/[\s-]/g, '').replace(/^\+?86/, ''))

const text = (min: number, max: number) => vine.string().trim().minLength(min).maxLength(max)

const complaintFields = {
  name: text(2, 32),
  phone: mobilePhone(),
  targetType: vine.enum(TARGET_TYPES),
  complaintType: vine.enum(COMPLAINT_TYPES),
  institutionId: vine.number().positive().withoutDecimals().optional(),
  targetName: text(2, 128).optional().requiredWhen('targetType', '!=', 'institution'),
  content: text(10, 2000),
}

export const publicComplaintValidator = vine.create({
  ...complaintFields,
  code: vine
    .string()
    .trim()
    .regex(/^\d{6}$/),
})
export const parentComplaintValidator = vine.create({
  ...complaintFields,
  orderId: vine.number().positive().withoutDecimals().optional(),
})
export const codeValidator = vine.create({ phone: mobilePhone() })
export const trackValidator = vine.create({
  number: vine
    .string()
    .trim()
    .regex(/^TS\d{16}$/),
  trackingCode: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{10}$/),
})

export const reasonValidator = vine.create({ reason: text(2, 1000) })
export const responseValidator = vine.create({ response: text(5, 2000) })
export const noteValidator = vine.create({ note: text(2, 2000) })
export const replyValidator = vine.create({
  reply: text(5, 2000),
  outcome: vine.enum(['resolved', 'unresolved'] as const),
})
export const transferValidator = vine.create({ reason: text(2, 500) })
export const rateValidator = vine.create({
  rating: vine.number().range([1, 5]).withoutDecimals(),
  comment: vine.string().trim().maxLength(500).optional(),
})

export const reviewValidator = vine.create({
  rating: vine.number().range([1, 5]).withoutDecimals(),
  body: text(5, 1000),
})
export const reviewReplyValidator = vine.create({ reply: text(2, 1000) })
export const hideValidator = vine.create({ reason: text(2, 255) })
