import { BaseSchema } from '@adonisjs/lucid/schema'

/* The GB/T 2260 division tree: country, provinces, prefecture-level cities, county-level units. */
export default class extends BaseSchema {
  protected tableName = 'regions'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.specificType('code', 'char(6)').primary()
      table.string('name', 64).notNullable()
      table.smallint('level').notNullable().checkIn(['0', '1', '2', '3'])
      table.specificType('parent_code', 'char(6)').nullable().references('code').inTable('regions')
      table.specificType('province_code', 'char(6)').nullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.index(['parent_code'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
