import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Validation messages for filing forms and imports: the platform's shared
 * messages, with field names taken from registry.fields (the labels people
 * see on the form) so one label serves the form and its errors.
 */
export function filingMessages(i18n: I18n): MessagesProviderContact {
  const base = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage: string, rule: string, field: FieldContext, meta?: Record<string, any>) {
      const key = `registry.fields.${field.name}`
      const named = typeof field.name === 'string' && i18n.hasMessage(key) ? { ...field, name: i18n.t(key) } : field
      return base.getMessage(defaultMessage, rule, named as FieldContext, meta)
    },
  }
}
