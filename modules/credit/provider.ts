import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation, registerPageLinks } from '#kernel/navigation'
import type { CurrentUser } from '#modules/identity'

export default class CreditProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    await import('./events.js')
    const edge = (await import('edge.js')).default
    edge.mount('credit', new URL('./views/', import.meta.url))
    edge.mount('credit_penalties', new URL('./penalties/views/', import.meta.url))

    const bureau = (u: CurrentUser) => u.role === 'admin' && !!u.regionCode
    registerNavigation({
      terminal: 'management',
      label: 'credit_penalties.nav.index',
      hint: 'credit_penalties.nav.index_hint',
      href: '/manage/credit/penalties',
      order: 345,
      visible: bureau,
    })
    registerPageLinks({
      slot: 'registry.public.institution',
      label: 'credit_penalties.public.link',
      href: ({ id }) => `/institutions/${id}/credit`,
    })
  }
}
