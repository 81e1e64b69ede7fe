import vine from '@vinejs/vine'
import { mobilePhone } from './registration.js'

export const createAccountValidator = vine.create({
  /* "admin:county", "school_operator", "bank_operator", "admin:subunit" … */
  kind: vine
    .string()
    .trim()
    .regex(/^(admin:(province|city|county|subunit)|school_operator|bank_operator)$/),
  regionCode: vine
    .string()
    .trim()
    .regex(/^\d{6}$/),
  unitName: vine.string().trim().minLength(2).maxLength(128),
  displayName: vine.string().trim().minLength(2).maxLength(32),
  phone: mobilePhone(),
  username: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_.-]{3,31}$/)
    .optional(),
})

export const disableAccountValidator = vine.create({
  reason: vine.string().trim().minLength(4).maxLength(255),
})

export const accountFiltersValidator = vine.create({
  role: vine.enum(['admin', 'school_operator', 'bank_operator']).optional(),
  status: vine.enum(['pending', 'active', 'disabled']).optional(),
  q: vine.string().trim().maxLength(64).optional(),
  page: vine.number().positive().withoutDecimals().optional(),
})

export const auditFiltersValidator = vine.create({
  action: vine.string().trim().maxLength(64).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().positive().withoutDecimals().optional(),
})
