import type { ApplicationService } from '@adonisjs/core/types'

export default class AfterschoolProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = (await import('edge.js')).default
    edge.mount('afterschool', new URL('./views/', import.meta.url))
  }
}
