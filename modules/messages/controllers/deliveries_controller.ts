import type { HttpContext } from '@adonisjs/core/http'
import DeliveriesPolicy from '../policies/deliveries_policy.js'
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  deliveriesPage,
  deliveryCounts,
} from '../queries/deliveries.js'
import { templatePreviews } from '../queries/template_previews.js'
import { configuredProvider } from '../channels/configured.js'

/** Management terminal, for the ministry's operators: what became of each text, and every template. */
export default class DeliveriesController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(DeliveriesPolicy).authorize('view')
    const asked = String(ctx.request.input('status', 'failed'))
    const status: DeliveryStatus = (DELIVERY_STATUSES as readonly string[]).includes(asked)
      ? (asked as DeliveryStatus)
      : 'failed'
    const [page, counts] = await Promise.all([
      deliveriesPage(status, Number(ctx.request.input('page', 1)) || 1),
      deliveryCounts(),
    ])
    return ctx.view.render('messages::deliveries/index', {
      ...page,
      status,
      statuses: DELIVERY_STATUSES,
      counts,
      provider: configuredProvider(),
    })
  }

  async templates(ctx: HttpContext) {
    await ctx.bouncer.with(DeliveriesPolicy).authorize('view')
    return ctx.view.render('messages::deliveries/templates', {
      templates: templatePreviews(ctx.i18n.locale === 'en' ? 'en' : 'zh-CN'),
      provider: configuredProvider(),
    })
  }
}
