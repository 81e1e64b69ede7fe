import app from '@adonisjs/core/services/app'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { Exception } from '@adonisjs/core/exceptions'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'

/*
| People always get a page in the layout for 403, 404, 429 and server
| errors; a stack trace is shown only to a developer running `npm run dev`.
*/
export default class HttpExceptionHandler extends ExceptionHandler {
  protected override debug = app.inDev
  protected override renderStatusPages = true

  protected override statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '401': (_, { response }) => response.redirect('/login'),
    '403': (error, { view }) => view.render('errors/forbidden', { error }),
    '404': (error, { view }) => view.render('errors/not_found', { error }),
    '429': (error, { view }) => view.render('errors/too_many_requests', { error }),
    ...(app.inDev
      ? {}
      : { '500..599': (error, { view }) => view.render('errors/server_error', { error }) }),
  }

  override async handle(error: unknown, ctx: HttpContext) {
    /*
    | Bouncer answers a denied form post with a redirect back and a plain-text
    | body otherwise. A refusal is a page of its own: 403, or 404 when the
    | record is outside the person's region and must not be revealed.
    */
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE) {
      const status = error.response.status ?? 403
      return super.handle(new Exception(error.message, { status, code: error.code }), ctx)
    }
    return super.handle(error, ctx)
  }

  override async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
