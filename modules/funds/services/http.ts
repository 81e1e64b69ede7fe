import type { HttpContext } from '@adonisjs/core/http'
import { labelledMessages } from '#kernel/shared/validation_messages'

/** Validation messages that name funds fields by their labels. */
export const fundsMessages = (ctx: HttpContext) => labelledMessages(ctx.i18n, 'funds.fields')

/** Numeric route parameter, or 0 (which finds nothing) when it is not one. */
export const idParam = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}
