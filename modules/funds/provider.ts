import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation, registerPageLinks } from '#kernel/navigation'
import { allowFormTarget } from '#kernel/shared/form_targets'
import type { CurrentUser } from '#modules/identity'

export default class FundsProvider {
  constructor(protected app: ApplicationService) {}

  async start() {
    const emitter = await this.app.container.make('emitter')
    /* An approved change of supervising bank or account moves the supervised-account record. */
    const { ChangeSupervisedAccount } = await import('./actions/change_supervised_account.js')
    emitter.on('registry:supervision_changed', (event) =>
      new ChangeSupervisedAccount().handle(event).then(() => {})
    )

    /* Every refund step is told to the parent, after the step committed. */
    const { TellRefundStep } = await import('./actions/tell_refund_step.js')
    emitter.on('funds:refund_step', (step) => new TellRefundStep().handle(step))
  }

  async boot() {
    await import('./extension_points.js')
    await import('./events.js')
    const edge = (await import('edge.js')).default
    edge.mount('funds', new URL('./views/', import.meta.url))
    const { channelNames, channelNamed } = await import('./channels/channel.js')
    const { registerChannels } = await import('./channels/setup.js')
    registerChannels()
    for (const name of channelNames())
      for (const origin of channelNamed(name).origins) allowFormTarget(origin)

    const bureau = (u: CurrentUser) => u.role === 'admin' && u.adminLevel !== 'subunit'
    registerNavigation(
      {
        terminal: 'parent',
        label: 'funds.nav.orders',
        hint: 'funds.nav.orders_hint',
        href: '/parent/orders',
        order: 30,
      },
      {
        terminal: 'institution',
        label: 'funds.nav.orders',
        hint: 'funds.nav.orders_hint_institution',
        href: '/institution/orders',
        order: 220,
      },
      {
        terminal: 'institution',
        label: 'funds.nav.attendance',
        hint: 'funds.nav.attendance_hint',
        href: '/institution/attendance',
        order: 230,
      },
      {
        terminal: 'institution',
        label: 'funds.nav.refunds',
        hint: 'funds.nav.refunds_hint',
        href: '/institution/refunds',
        order: 240,
      },
      {
        terminal: 'management',
        label: 'funds.nav.supervision',
        hint: 'funds.nav.supervision_hint',
        href: '/manage/funds',
        order: 300,
        visible: bureau,
      },
      {
        terminal: 'management',
        label: 'funds.nav.anomalies',
        hint: 'funds.nav.anomalies_hint',
        href: '/manage/funds/anomalies',
        order: 310,
        visible: bureau,
      },
      {
        terminal: 'bank',
        label: 'funds.nav.accounts',
        hint: 'funds.nav.accounts_hint',
        href: '/bank/accounts',
        order: 10,
      },
      {
        terminal: 'bank',
        label: 'funds.nav.instructions',
        hint: 'funds.nav.instructions_hint',
        href: '/bank/instructions',
        order: 20,
      },
      {
        terminal: 'bank',
        label: 'funds.nav.bank_anomalies',
        hint: 'funds.nav.bank_anomalies_hint',
        href: '/bank/anomalies',
        order: 30,
      },
      {
        terminal: 'bank',
        label: 'funds.nav.credentials',
        hint: 'funds.nav.credentials_hint',
        href: '/bank/credentials',
        order: 40,
      }
    )
    registerPageLinks({
      slot: 'catalog.contract.parent',
      label: 'funds.orders.of_contract',
      href: ({ id }) => `/parent/orders?contract=${id}`,
    })
  }
}
