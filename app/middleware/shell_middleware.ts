import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/*
| Finds out who is signed in (without requiring it) and shares what every
| layout needs: the user, whether this is an htmx request, the current URL.
*/
export default class ShellMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.auth.check()
    ctx.view.share({
      currentUser: ctx.auth.user ?? null,
      isHtmx: ctx.request.header('hx-request') === 'true',
      currentPath: ctx.request.url(),
      currentUrl: ctx.request.url(true),
    })
    return next()
  }
}
