import type { ApplicationService } from '@adonisjs/core/types'

/* Children's profiles: their views (`students_children::…`) and their place in the parent terminal. */
export async function bootChildren() {
  const edge = (await import('edge.js')).default
  edge.mount('students_children', new URL('./views/', import.meta.url))
}

/* Event listeners and jobs of the children's part (the periodic student-record check). */
export async function startChildren(_app: ApplicationService) {}
