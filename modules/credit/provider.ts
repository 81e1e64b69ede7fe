import type { ApplicationService } from '@adonisjs/core/types'

export default class CreditProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = (await import('edge.js')).default
    edge.mount('credit', new URL('./views/', import.meta.url))
  }
}
