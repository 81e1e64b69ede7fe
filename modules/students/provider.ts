import type { ApplicationService } from '@adonisjs/core/types'

/* Each part mounts its views and registers its navigation in its own boot file. */
export default class StudentsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    await (await import('./schools/boot.js')).bootSchools()
    await (await import('./children/boot.js')).bootChildren()
  }

  async start() {
    await (await import('./children/boot.js')).startChildren(this.app)
  }
}
