import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The statistics refresh counts orders by the region of their institution
| and looks for orders and refunds changed since its last run; at five
| million orders a scan for either takes seconds.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.alterTable('orders', (table) => {
      table.index(['region_code'])
      table.index(['updated_at'])
    })
    this.schema.alterTable('refunds', (table) => {
      table.index(['updated_at'])
    })
  }

  override async down() {
    this.schema.alterTable('refunds', (table) => {
      table.dropIndex(['updated_at'])
    })
    this.schema.alterTable('orders', (table) => {
      table.dropIndex(['updated_at'])
      table.dropIndex(['region_code'])
    })
  }
}
