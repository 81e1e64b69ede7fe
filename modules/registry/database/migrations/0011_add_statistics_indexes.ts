import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The statistics refresh reads institutions by the region they are
| registered in (a county, or the province for online institutions) and
| looks for those changed since its last run; without these it scans the
| whole national table every 15 minutes.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.alterTable('institutions', (table) => {
      table.index(['region_code'])
      table.index(['updated_at'])
    })
    this.schema.alterTable('inspections', (table) => {
      table.index(['created_at'])
    })
  }

  override async down() {
    this.schema.alterTable('inspections', (table) => {
      table.dropIndex(['created_at'])
    })
    this.schema.alterTable('institutions', (table) => {
      table.dropIndex(['updated_at'])
      table.dropIndex(['region_code'])
    })
  }
}
