import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation, registerPageLinks } from '#kernel/navigation'
import type { CurrentUser } from '#modules/identity'

export default class ComplaintsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    await import('./extension_points.js')
    await import('./events.js')
    const edge = (await import('edge.js')).default
    edge.mount('complaints', new URL('./views/', import.meta.url))

    const bureau = (u: CurrentUser) => u.role === 'admin' && !!u.regionCode
    const institution = (u: CurrentUser) => u.orgType === 'institution'
    registerNavigation(
      { terminal: 'public', label: 'complaints.nav.file', href: '/complaints/new', order: 40 },
      { terminal: 'public', label: 'complaints.nav.track', href: '/complaints/track', order: 41 },
      {
        terminal: 'parent',
        label: 'complaints.nav.mine',
        hint: 'complaints.nav.mine_hint',
        href: '/parent/complaints',
        order: 40,
      },
      {
        terminal: 'parent',
        label: 'complaints.nav.reviews',
        hint: 'complaints.nav.reviews_hint',
        href: '/parent/reviews',
        order: 45,
      },
      {
        terminal: 'institution',
        label: 'complaints.nav.institution',
        hint: 'complaints.nav.institution_hint',
        href: '/institution/complaints',
        order: 250,
        visible: institution,
      },
      {
        terminal: 'institution',
        label: 'complaints.nav.institution_reviews',
        hint: 'complaints.nav.institution_reviews_hint',
        href: '/institution/reviews',
        order: 255,
        visible: institution,
      },
      {
        terminal: 'management',
        label: 'complaints.nav.bureau',
        hint: 'complaints.nav.bureau_hint',
        href: '/manage/complaints',
        order: 320,
        visible: bureau,
      },
      {
        terminal: 'management',
        label: 'complaints.nav.bureau_reviews',
        hint: 'complaints.nav.bureau_reviews_hint',
        href: '/manage/reviews',
        order: 325,
        visible: bureau,
      }
    )
    registerPageLinks(
      {
        slot: 'registry.public.institution',
        label: 'complaints.public.reviews_of_institution',
        href: ({ id }) => `/institutions/${id}/reviews`,
      },
      {
        slot: 'registry.public.institution',
        label: 'complaints.public.complain_about',
        href: ({ id }) => `/complaints/new?institution=${id}`,
      }
    )
  }
}
