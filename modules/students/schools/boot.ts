import { registerNavigation } from '#kernel/navigation'
import type { CurrentUser } from '#modules/identity'

/* The school register's views (`students_schools::…`) and its place in the management terminal. */
export async function bootSchools() {
  const edge = (await import('edge.js')).default
  edge.mount('students_schools', new URL('./views/', import.meta.url))
  registerNavigation({
    terminal: 'management',
    label: 'students_schools.nav.index',
    hint: 'students_schools.nav.index_hint',
    href: '/manage/schools',
    order: 360,
    visible: (u: CurrentUser) => u.role === 'admin' && !!u.regionCode,
  })
}
