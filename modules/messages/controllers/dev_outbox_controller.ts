/* No Bouncer policy: a developer tool, registered only outside production. */
import type { HttpContext } from '@adonisjs/core/http'
import { devTextsPage } from '../queries/deliveries.js'

/** What the development channel "sent": the demo's codes and links (never in production). */
export default class DevOutboxController {
  async index({ request, view }: HttpContext) {
    const page = await devTextsPage(Number(request.input('page', 1)) || 1)
    return view.render('messages::dev_outbox/index', page)
  }
}
