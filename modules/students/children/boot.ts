import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation } from '#kernel/navigation'

/* Children's profiles: their views (`students_children::…`) and their place in the parent terminal. */
export async function bootChildren() {
  await import('./student_record/extension_point.js')
  const edge = (await import('edge.js')).default
  edge.mount('students_children', new URL('./views/', import.meta.url))
  registerNavigation({
    terminal: 'parent',
    label: 'students_children.nav.index',
    hint: 'students_children.nav.index_hint',
    href: '/parent/children',
    order: 15,
  })
}

/*
| Event listeners and jobs of the children's part. The periodic
| student-record check is a scheduled job (modules/students/schedules.ts);
| nothing listens to events yet.
*/
export async function startChildren(_app: ApplicationService) {}
