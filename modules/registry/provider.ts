import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation } from '#kernel/navigation'
import type { CurrentUser } from '#modules/identity'

export default class RegistryProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    await import('./extension_points.js')
    await import('./policy_actions.js')
    await import('./events.js')
    const edge = (await import('edge.js')).default
    edge.mount('registry', new URL('./views/', import.meta.url))

    const { FIELDS } = await import('./filing/fields.js')
    const { regionPicker } = await import('./services/region_picker.js')
    const { regionTree } = await import('#modules/identity')
    edge.global('filingFields', (section: keyof typeof FIELDS) => FIELDS[section])
    edge.global('regionPicker', regionPicker)
    const { describeFact } = await import('./services/fact_display.js')
    edge.global('describeFact', describeFact)
    edge.global('regionName', (code: string) => (code ? regionTree.fullName(code) : ''))

    const bureau = (u: CurrentUser) => u.role === 'admin'
    const manager = (u: CurrentUser) => u.role === 'admin' && u.adminLevel !== 'subunit'
    registerNavigation(
      {
        terminal: 'institution',
        label: 'registry.nav.filing',
        hint: 'registry.nav.filing_hint',
        href: '/institution/filing',
        order: 100,
      },
      {
        terminal: 'institution',
        label: 'registry.nav.staff',
        hint: 'registry.nav.staff_hint',
        href: '/institution/staff',
        order: 110,
      },
      {
        terminal: 'institution',
        label: 'registry.nav.changes',
        hint: 'registry.nav.changes_hint',
        href: '/institution/changes',
        order: 120,
      },
      {
        terminal: 'institution',
        label: 'registry.nav.rectifications',
        hint: 'registry.nav.rectifications_hint',
        href: '/institution/rectifications',
        order: 130,
      },
      {
        terminal: 'institution',
        label: 'registry.nav.plate',
        hint: 'registry.nav.plate_hint',
        href: '/institution/plate',
        order: 140,
      },
      {
        terminal: 'management',
        label: 'registry.nav.reviews',
        hint: 'registry.nav.reviews_hint',
        href: '/manage/filings',
        order: 100,
        visible: manager,
      },
      {
        terminal: 'management',
        label: 'registry.nav.institutions',
        hint: 'registry.nav.institutions_hint',
        href: '/manage/institutions',
        order: 110,
        visible: bureau,
      },
      {
        terminal: 'management',
        label: 'registry.nav.inspections',
        hint: 'registry.nav.inspections_hint',
        href: '/manage/inspections',
        order: 120,
        visible: bureau,
      },
      {
        terminal: 'management',
        label: 'registry.nav.change_reviews',
        hint: 'registry.nav.change_reviews_hint',
        href: '/manage/changes',
        order: 130,
        visible: manager,
      },
      {
        terminal: 'management',
        label: 'registry.nav.contests',
        hint: 'registry.nav.contests_hint',
        href: '/manage/credit-code-contests',
        order: 135,
        visible: manager,
      },
      {
        terminal: 'management',
        label: 'registry.nav.banks',
        hint: 'registry.nav.banks_hint',
        href: '/manage/banks',
        order: 160,
        visible: bureau,
      },
      {
        terminal: 'management',
        label: 'registry.nav.prohibited',
        hint: 'registry.nav.prohibited_hint',
        href: '/manage/prohibited',
        order: 140,
        visible: manager,
      },
      {
        terminal: 'management',
        label: 'registry.nav.imports',
        hint: 'registry.nav.imports_hint',
        href: '/manage/imports',
        order: 150,
        visible: manager,
      },
      { terminal: 'public', label: 'registry.nav.search', href: '/institutions', order: 10 },
      { terminal: 'public', label: 'registry.nav.lists', href: '/lists/white', order: 20 },
      { terminal: 'public', label: 'registry.nav.notices', href: '/notices', order: 30 }
    )
  }
}
