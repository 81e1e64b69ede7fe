import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { STAGES } from '#kernel/shared/school_grades'
import { labelledMessages } from '#kernel/shared/validation_messages'

/** 学校标识码: ten digits, unique nationally. */
export const SCHOOL_CODE = /^\d{10}$/
export const MAX_NAME = 100
export const MAX_ADDRESS = 200

const regionCode = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{6}$/)

export const schoolValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(MAX_NAME),
  code: vine.string().trim().regex(SCHOOL_CODE),
  stages: vine.array(vine.enum(STAGES)).minLength(1).distinct(),
  address: vine.string().trim().maxLength(MAX_ADDRESS).optional(),
  regionCode: regionCode(),
})

export const closeSchoolValidator = vine.create({
  reason: vine.string().trim().minLength(4).maxLength(200),
})

export const schoolImportValidator = vine.create({
  file: vine.file({ size: '2mb', extnames: ['xlsx'] }),
  regionCode: regionCode(),
})

export const schoolOperatorValidator = vine.create({
  displayName: vine.string().trim().minLength(2).maxLength(32),
  /* As identity's forms take it: spaces, dashes and +86 are dropped. */
  phone: vine
    .string()
    .trim()
    .regex(/^(\+?86)?[\s-]*1[3-9](?:[\s-]*\d){9}$/)
    .transform((value) => value.replace(/[\s-]/g, '').replace(/^\+?86/, '')),
})

export const disableOperatorValidator = vine.create({
  reason: vine.string().trim().minLength(4).maxLength(255),
})

export const schoolFiltersValidator = vine.create({
  q: vine.string().trim().maxLength(64).optional(),
  page: vine.number().positive().withoutDecimals().optional(),
})

/**
 * The platform's messages with this form's labels, and the few a school
 * form says in its own words (`students_schools.validation.<field>.<rule>`).
 */
export function schoolMessages(i18n: I18n): MessagesProviderContact {
  const base = labelledMessages(i18n, 'students_schools.fields')
  return {
    getMessage(defaultMessage: string, rule: string, field: FieldContext, meta?: any) {
      const key = `students_schools.validation.${String(field.name)}.${rule}`
      return i18n.hasMessage(key)
        ? i18n.t(key, meta)
        : base.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
