import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| An institution's public page lists its latest notices (rectification
| orders, list changes). Found by the benchmark's EXPLAIN check on the
| national data set: without this index every page view walked all
| notices of the country in date order.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.alterTable('public_notices', (table) => {
      table.index(['institution_id', 'published_at'])
    })
  }

  override async down() {
    this.schema.alterTable('public_notices', (table) => {
      table.dropIndex(['institution_id', 'published_at'])
    })
  }
}
