import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { labelledMessages } from '#kernel/shared/validation_messages'

/** Filing forms and imports name fields by their labels in registry.fields, so one label serves the form and its errors. */
export function filingMessages(i18n: I18n): MessagesProviderContact {
  return labelledMessages(i18n, 'registry.fields')
}
