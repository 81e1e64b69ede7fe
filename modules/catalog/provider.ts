import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation, registerPageLinks } from '#kernel/navigation'
import type { CurrentUser } from '#modules/identity'

export default class CatalogProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    await import('./extension_points.js')
    await import('./events.js')
    const edge = (await import('edge.js')).default
    edge.mount('catalog', new URL('./views/', import.meta.url))
    const { GRADES_BY_STAGE, STAGES, CATEGORIES, SUBJECTS, TEACHING_MODES } =
      await import('./course/vocabulary.js')
    edge.global('courseVocabulary', {
      GRADES_BY_STAGE,
      STAGES,
      CATEGORIES,
      SUBJECTS,
      TEACHING_MODES,
    })

    const bureau = (u: CurrentUser) => u.role === 'admin'
    const manager = (u: CurrentUser) => u.role === 'admin' && u.adminLevel !== 'subunit'
    registerNavigation(
      {
        terminal: 'institution',
        label: 'catalog.nav.courses',
        hint: 'catalog.nav.courses_hint',
        href: '/institution/courses',
        order: 200,
      },
      {
        terminal: 'institution',
        label: 'catalog.nav.contracts',
        hint: 'catalog.nav.contracts_hint',
        href: '/institution/contracts',
        order: 210,
      },
      {
        terminal: 'management',
        label: 'catalog.nav.course_reviews',
        hint: 'catalog.nav.course_reviews_hint',
        href: '/manage/courses',
        order: 200,
        visible: bureau,
      },
      {
        terminal: 'management',
        label: 'catalog.nav.spot_checks',
        hint: 'catalog.nav.spot_checks_hint',
        href: '/manage/spot-checks',
        order: 210,
        visible: manager,
      },
      {
        terminal: 'management',
        label: 'catalog.nav.contracts',
        hint: 'catalog.nav.contracts_hint_bureau',
        href: '/manage/contracts',
        order: 220,
        visible: bureau,
      },
      {
        terminal: 'parent',
        label: 'catalog.nav.find_courses',
        hint: 'catalog.nav.find_courses_hint',
        href: '/courses',
        order: 10,
      },
      {
        terminal: 'parent',
        label: 'catalog.nav.my_contracts',
        hint: 'catalog.nav.my_contracts_hint',
        href: '/parent/contracts',
        order: 20,
      },
      { terminal: 'public', label: 'catalog.nav.find_courses', href: '/courses', order: 15 }
    )
    registerPageLinks({
      slot: 'registry.public.institution',
      label: 'catalog.public.courses_of_institution',
      href: ({ id }) => `/courses?institution=${id}`,
    })
  }
}
