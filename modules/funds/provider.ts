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

    /*
    | Art. 15: the parents whose money is with an institution hear when it
    | is removed, black-listed or its supervised account raises a red
    | anomaly. Keyed on the outbox row being delivered (or the anomaly), so
    | a redelivery tells nobody twice, and a later removal or black-listing
    | of the same institution is told afresh.
    */
    const { TellParentsAtRisk } = await import('./actions/tell_parents_at_risk.js')
    const { deliveringOutboxId } = await import('#kernel/shared/outbox_drain')
    const tell = new TellParentsAtRisk()
    const occurrence = (fallback: string) => {
      const id = deliveringOutboxId()
      return id ? `outbox:${id}` : fallback
    }
    emitter.on('registry:institution_removed', (event) =>
      tell
        .handle({
          cause: 'removed',
          institutionId: event.institutionId,
          key: occurrence(`removed:${event.institutionId}`),
        })
        .then(() => {})
    )
    emitter.on('registry:list_changed', async (event) => {
      if (event.to !== 'black' || event.from === 'black') return
      await tell.handle({
        cause: 'blacklisted',
        institutionId: event.institutionId,
        key: occurrence(`blacklisted:${event.institutionId}:${event.from}`),
      })
    })
    emitter.on('funds:anomaly_raised', async (event) => {
      if (event.severity !== 'red') return
      await tell.handle({
        cause: 'fund_warning',
        institutionId: event.institutionId,
        key: `anomaly:${event.anomalyId}`,
        anomalyId: event.anomalyId,
      })
    })
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
    registerPageLinks(
      {
        slot: 'catalog.contract.parent',
        label: 'funds.orders.of_contract',
        href: ({ id }) => `/parent/orders?contract=${id}`,
      },
      /* The contract page loads the Art. 15 notice from here: catalog knows nothing of held fees or anomalies. */
      {
        slot: 'catalog.contract.parent.notices',
        label: 'funds.notices.slot',
        href: ({ id }) => `/parent/contracts/${id}/fund-notices`,
      }
    )
  }
}
