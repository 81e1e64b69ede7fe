import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'

/*
| TRUSTED_PROXIES is empty by default, which is right for a bare instance
| and silently wrong behind a load balancer: every visitor then shares the
| balancer's address, so one person's failed sign-ins and text requests
| count against everyone's per-address limits. Nothing at boot can tell
| the two apart, so the first request that arrives with X-Forwarded-For
| while no proxy is trusted says so in the log, once per process.
*/
let warned = false

export function shouldWarnUntrustedForwarding(
  forwardedFor: string | undefined,
  trustedProxies: string | undefined,
  alreadyWarned: boolean
): boolean {
  return !alreadyWarned && Boolean(forwardedFor?.trim()) && !(trustedProxies ?? '').trim()
}

export default class ProxyTrustWarningMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    if (
      shouldWarnUntrustedForwarding(
        ctx.request.header('x-forwarded-for'),
        env.get('TRUSTED_PROXIES'),
        warned
      )
    ) {
      warned = true
      logger.warn(
        { proxy: ctx.request.request.socket.remoteAddress },
        'Requests carry X-Forwarded-For but TRUSTED_PROXIES is empty: the header is ignored and every client behind this proxy shares its address for sign-in lockout and text caps. Set TRUSTED_PROXIES to the load balancer addresses.'
      )
    }
    return next()
  }
}
