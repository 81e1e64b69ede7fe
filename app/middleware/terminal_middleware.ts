import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { ForbiddenException } from '../exceptions/forbidden_exception.js'
import type { Terminal } from '../shared/principal.js'

/*
| A terminal is open only to the roles that use it. This is the coarse
| gate; each action's policy still checks the record and its region.
*/
export default class TerminalMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { terminal: Terminal }) {
    const user = ctx.auth.getUserOrFail()
    if (!user.terminals.includes(options.terminal)) throw new ForbiddenException()
    ctx.view.share({ terminal: options.terminal })
    return next()
  }
}
