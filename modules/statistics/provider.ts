import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation } from '#kernel/navigation'
import type { CurrentUser } from '#modules/identity'

export default class StatisticsProvider {
  constructor(protected app: ApplicationService) {}

  /* The emitter service exists only once the application has booted. */
  async start() {
    const { subscribeRollupEvents } = await import('./services/rollups_events.js')
    subscribeRollupEvents()
  }

  async boot() {
    const edge = (await import('edge.js')).default
    edge.mount('statistics', new URL('./views/', import.meta.url))

    const bureau = (u: CurrentUser) => u.role === 'admin' && !!u.regionCode
    const institution = (u: CurrentUser) => u.orgType === 'institution'
    registerNavigation(
      {
        terminal: 'institution',
        label: 'reports.nav.institution',
        hint: 'reports.nav.institution_hint',
        href: '/institution/statistics',
        order: 260,
        visible: institution,
      },
      {
        terminal: 'management',
        label: 'reports.nav.dashboard',
        hint: 'reports.nav.dashboard_hint',
        href: '/manage/reports',
        order: 330,
        visible: bureau,
      }
    )
  }
}
