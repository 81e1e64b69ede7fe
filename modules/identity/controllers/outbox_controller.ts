/* No Bouncer policy: a developer tool, registered only outside production. */
import type { HttpContext } from '@adonisjs/core/http'
import { ListOutbox } from '../queries/list_outbox.js'

/** Development and test only (the route is not registered in production). */
export default class OutboxController {
  async index({ request, view }: HttpContext) {
    const messages = await new ListOutbox().handle(Number(request.input('page', 1)) || 1)
    messages.baseUrl(request.url())
    return view.render('identity::outbox/index', { messages })
  }
}
