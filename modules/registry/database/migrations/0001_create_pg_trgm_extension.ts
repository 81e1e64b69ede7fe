import { BaseSchema } from '@adonisjs/lucid/schema'

/* Fuzzy search on Chinese institution names uses trigram indexes. */
export default class extends BaseSchema {
  override async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm')
  }

  override async down() {}
}
