import type { HttpContext } from '@adonisjs/core/http'
import { navigationFor } from '../navigation.js'
import type { Terminal } from '../shared/principal.js'

/** Each terminal's home: who you are and the functions your role may use. */
export default class TerminalController {
  async #render({ view, auth }: HttpContext, terminal: Terminal) {
    return view.render('pages/terminal_home', {
      terminal,
      items: await navigationFor(terminal, auth.getUserOrFail()),
    })
  }

  parent(ctx: HttpContext) {
    return this.#render(ctx, 'parent')
  }

  institution(ctx: HttpContext) {
    return this.#render(ctx, 'institution')
  }

  management(ctx: HttpContext) {
    return this.#render(ctx, 'management')
  }

  bank(ctx: HttpContext) {
    return this.#render(ctx, 'bank')
  }
}
