import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'
import { registerNavigation } from '#kernel/navigation'
import { provideTextSender } from '#kernel/shared/texts'
import type { CurrentUser } from '#modules/identity'

export default class MessagesProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    await import('./events.js')
    await import('./policy_actions.js')
    const { providerConfigProblems, configuredProvider } = await import('./channels/configured.js')
    /* A deployment that cannot text stops here, naming what is missing, not at the first code. */
    /* The benchmark runs production mode on this machine (BENCH_ROUTES): it texts nobody either way. */
    if (this.app.inProduction && configuredProvider() === 'outbox' && !env.get('BENCH_ROUTES')) {
      throw new Error('NOTIFY_CHANNEL=outbox sends nothing: production needs aliyun or tencent')
    }
    const problems = providerConfigProblems()
    if (problems.length) {
      throw new Error(
        `Texts cannot be sent (NOTIFY_CHANNEL=${configuredProvider()}): ${problems.join('; ')}`
      )
    }
    const { queueText } = await import('./services/queue_text.js')
    provideTextSender(async (request, trx) => {
      await queueText(request as Parameters<typeof queueText>[0], trx)
    })

    const edge = (await import('edge.js')).default
    edge.mount('messages', new URL('./views/', import.meta.url))
    const { unreadCount } = await import('./queries/inbox.js')
    edge.global('unreadMessages', (user: CurrentUser | null) => (user ? unreadCount(user.id) : 0))
    const { DateTime } = await import('luxon')
    edge.global('messageTime', (at: Date | string) =>
      DateTime.fromJSDate(new Date(at)).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm')
    )

    const operator = (u: CurrentUser) => u.role === 'admin' && u.adminLevel === 'ministry'
    /* The inbox link, with its unread count, sits in every terminal's header (resources/views/partials/header.edge). */
    registerNavigation({
      terminal: 'management',
      label: 'messages.nav.deliveries',
      hint: 'messages.nav.deliveries_hint',
      href: '/manage/messages',
      order: 925,
      visible: operator,
    })
  }

  async start() {
    const emitter = await this.app.container.make('emitter')
    const { deliverText } = await import('./services/deliver.js')
    emitter.on('messages:deliver', ({ deliveryId }) => deliverText(deliveryId))
  }
}
