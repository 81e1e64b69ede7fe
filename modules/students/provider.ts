import type { ApplicationService } from '@adonisjs/core/types'

export default class StudentsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = (await import('edge.js')).default
    edge.mount('students', new URL('./views/', import.meta.url))
  }
}
