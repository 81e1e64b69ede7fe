import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation } from '#kernel/navigation'
import type { CurrentUser } from '#modules/identity'

/* The events that can take an institution off a published list (see calls/actions/recheck_listed.ts). */
const LIVE_LIST_EVENTS = [
  'registry:list_changed',
  'registry:institution_removed',
  'credit:grade_changed',
  'funds:anomaly_raised',
] as const

export default class AfterschoolProvider {
  constructor(protected app: ApplicationService) {}

  async start() {
    const emitter = await this.app.container.make('emitter')
    const { default: RecheckListedJob } = await import('./jobs/recheck_listed_job.js')
    for (const name of LIVE_LIST_EVENTS)
      emitter.on(name, async (event: { institutionId: number | null }) => {
        if (event.institutionId)
          await RecheckListedJob.dispatch({ institutionId: event.institutionId })
      })
  }

  async boot() {
    await import('./extension_points.js')
    await import('./events.js')
    const edge = (await import('edge.js')).default
    edge.mount('afterschool', new URL('./calls/views/', import.meta.url))
    edge.mount('afterschool_choices', new URL('./choices/views/', import.meta.url))
    registerNavigation(
      {
        terminal: 'management',
        label: 'afterschool.nav.management',
        hint: 'afterschool.nav.management_hint',
        href: '/manage/afterschool/calls',
        order: 350,
        visible: (u: CurrentUser) => u.role === 'admin' && !!u.regionCode,
      },
      {
        terminal: 'institution',
        label: 'afterschool.nav.institution',
        hint: 'afterschool.nav.institution_hint',
        href: '/institution/afterschool',
        order: 280,
        visible: (u: CurrentUser) => u.orgType === 'institution',
      },
      {
        terminal: 'management',
        label: 'afterschool_choices.nav.school',
        hint: 'afterschool_choices.nav.school_hint',
        href: '/school/afterschool',
        order: 240,
        visible: (u: CurrentUser) => u.role === 'school_operator' && u.orgType === 'school',
      }
    )
  }
}
