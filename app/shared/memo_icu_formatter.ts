import formatters from '@poppinss/intl-formatter'
import { IntlMessageFormat } from 'intl-messageformat'
import type { TranslationsFormatterContract } from '@adonisjs/i18n/types'

/*
| The ICU formatter of @adonisjs/i18n parses the message again on every
| t() call (new IntlMessageFormat each time). A page calls t() a few
| hundred times, so parsing was a third of the CPU of a public page. The
| parsed message depends only on the message text and the locale, so it
| is kept (the messages come from the language files: a bounded set).
*/
const VALUE_FORMATTERS = {
  getNumberFormat: formatters.number,
  getDateTimeFormat: formatters.date,
  getPluralRules: formatters.plural,
}
const LIMIT = 20_000

export class MemoIcuFormatter implements TranslationsFormatterContract {
  readonly name = 'icu'
  #parsed = new Map<string, IntlMessageFormat>()

  format(message: string, locale: string, data?: Record<string, any>): string {
    const key = `${locale}\u0000${message}`
    let parsed = this.#parsed.get(key)
    if (!parsed) {
      parsed = new IntlMessageFormat(
        message,
        locale,
        {},
        { formatters: VALUE_FORMATTERS, ignoreTag: true }
      )
      /* Messages built at run time could grow the map without end: start again past the limit. */
      if (this.#parsed.size >= LIMIT) this.#parsed.clear()
      this.#parsed.set(key, parsed)
    }
    return parsed.format(data || {}) as string
  }
}
