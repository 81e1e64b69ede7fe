import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/*
| Headers shield does not set. Referrer-Policy on every response, so a
| path with an id or a one-time link never leaves the site in a Referer.
| Cache-Control: no-store on everything a signed-in person is shown (their
| pages hold personal and live data; a shared computer's back button or a
| proxy must not keep them), unless the handler chose its own caching for
| a file that is the same for everyone (pinned browser libraries).
*/
export default class SecurityHeadersMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    ctx.response.header('referrer-policy', 'strict-origin-when-cross-origin')
    try {
      return await next()
    } finally {
      if (ctx.auth?.user && !ctx.response.getHeader('cache-control'))
        ctx.response.header('cache-control', 'no-store')
    }
  }
}
