import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/* ICU formats a list (allowed file types, say) as fragments; people read "pdf、jpg". */
const readable = (meta?: Record<string, any>) =>
  meta &&
  Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v]))

/** The platform's shared validation messages in the request's language. */
export function platformMessages(i18n: I18n): MessagesProviderContact {
  const base = i18n.createMessagesProvider()
  return {
    getMessage: (defaultMessage, rule, field, meta) =>
      base.getMessage(defaultMessage, rule, field, readable(meta)),
  }
}

/**
 * Validation messages that name fields by the labels people see on the
 * form: the platform's shared messages, with each field's name (and the
 * other field a date is compared with) looked up under `<prefix>.<name>`.
 */
export function labelledMessages(i18n: I18n, prefix: string): MessagesProviderContact {
  const base = platformMessages(i18n)
  const label = (name: unknown) => {
    const key = `${prefix}.${String(name)}`
    return typeof name === 'string' && i18n.hasMessage(key) ? i18n.t(key) : null
  }
  return {
    getMessage(
      defaultMessage: string,
      rule: string,
      field: FieldContext,
      meta?: Record<string, any>
    ) {
      const name = label(field.name)
      const named = name ? ({ ...field, name } as FieldContext) : field
      const other = meta?.otherField ? label(meta.otherField) : null
      return base.getMessage(
        defaultMessage,
        rule,
        named,
        other ? { ...meta, otherField: other } : meta
      )
    },
  }
}
