import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Validation messages that name fields by the labels people see on the
 * form: the platform's shared messages, with each field's name (and the
 * other field a date is compared with) looked up under `<prefix>.<name>`.
 */
export function labelledMessages(i18n: I18n, prefix: string): MessagesProviderContact {
  const base = i18n.createMessagesProvider()
  const label = (name: unknown) => {
    const key = `${prefix}.${String(name)}`
    return typeof name === 'string' && i18n.hasMessage(key) ? i18n.t(key) : null
  }
  return {
    getMessage(defaultMessage: string, rule: string, field: FieldContext, meta?: Record<string, any>) {
      const name = label(field.name)
      const named = name ? ({ ...field, name } as FieldContext) : field
      const other = meta?.otherField ? label(meta.otherField) : null
      return base.getMessage(defaultMessage, rule, named, other ? { ...meta, otherField: other } : meta)
    },
  }
}
