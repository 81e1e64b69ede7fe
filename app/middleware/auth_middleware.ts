import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/* Pages behind sign-in send a guest to the sign-in page and back afterwards. */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (await ctx.auth.check()) return next()
    const back = ctx.request.method() === 'GET' ? ctx.request.url(true) : undefined
    const query = back ? `?next=${encodeURIComponent(back)}` : ''
    if (ctx.request.header('hx-request') === 'true') {
      ctx.response.header('HX-Redirect', `/login${query}`)
      return ctx.response.unauthorized('')
    }
    return ctx.response.redirect(`/login${query}`)
  }
}
