import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| A bureau's case list matches cases about its region (the target's
| lineage) as well as those it handles; reviews are moderated by region;
| statistics read complaints by target region and by change time.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.alterTable('complaints', (table) => {
      table.index(['province_code', 'status'])
      table.index(['city_code', 'status'])
      table.index(['county_code', 'status'])
      table.index(['target_region_code'])
      table.index(['updated_at'])
    })
    this.schema.alterTable('reviews', (table) => {
      table.index(['province_code', 'id'])
      table.index(['city_code', 'id'])
      table.index(['county_code', 'id'])
    })
  }

  override async down() {
    this.schema.alterTable('reviews', (table) => {
      table.dropIndex(['county_code', 'id'])
      table.dropIndex(['city_code', 'id'])
      table.dropIndex(['province_code', 'id'])
    })
    this.schema.alterTable('complaints', (table) => {
      table.dropIndex(['updated_at'])
      table.dropIndex(['target_region_code'])
      table.dropIndex(['county_code', 'status'])
      table.dropIndex(['city_code', 'status'])
      table.dropIndex(['province_code', 'status'])
    })
  }
}
