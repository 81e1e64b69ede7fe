import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation } from '#kernel/navigation'
import type { CurrentUser } from './services/current_user.js'
import { canManageAccounts } from './services/account_rules.js'

export default class IdentityProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    await import('./extension_points.js')
    const edge = (await import('edge.js')).default
    edge.mount('identity', new URL('./views/', import.meta.url))

    registerNavigation(
      {
        terminal: 'management',
        label: 'identity.nav.accounts',
        hint: 'identity.nav.accounts_hint',
        href: '/manage/accounts',
        order: 900,
        visible: (user: CurrentUser) => canManageAccounts(user),
      },
      {
        terminal: 'management',
        label: 'identity.nav.audit',
        hint: 'identity.nav.audit_hint',
        href: '/manage/audit',
        order: 910,
        visible: (user: CurrentUser) => user.role === 'admin' && user.adminLevel !== 'subunit',
      },
      {
        terminal: 'management',
        label: 'identity.nav.operations',
        hint: 'identity.nav.operations_hint',
        href: '/manage/operations',
        order: 920,
        visible: (user: CurrentUser) => user.role === 'admin' && user.adminLevel === 'ministry',
      }
    )
  }
}
