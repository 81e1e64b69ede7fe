import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * A business rule said no (a used link, a duplicate phone number). The
 * message is an i18n key, so people read it in their own language. On a
 * form post the page comes back with what they typed and the message.
 */
export class DomainError extends Exception {
  static override status = 422

  constructor(
    readonly messageKey: string,
    readonly data: Record<string, unknown> = {},
    options: { status?: number; code?: string; field?: string } = {}
  ) {
    super(messageKey, { status: options.status ?? 422, code: options.code ?? 'E_DOMAIN' })
    this.field = options.field
  }

  readonly field?: string

  async handle(error: this, ctx: HttpContext) {
    const message = ctx.i18n ? ctx.i18n.t(error.messageKey, error.data) : error.messageKey
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response
        .status(error.status)
        .send({ errors: [{ message, code: error.code, field: error.field }] })
    }
    /* Passwords, ID numbers and codes are dropped for every flash at commit (app/shared/flash_secrets.ts). */
    ctx.session.flashExcept(['_csrf', '_method'])
    if (error.field) ctx.session.flash('inputErrorsBag', { [error.field]: [message] })
    ctx.session.flash('error', message)
    return ctx.response.redirect().back()
  }
}
