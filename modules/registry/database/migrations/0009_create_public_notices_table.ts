import { BaseSchema } from '@adonisjs/lucid/schema'

/* What bureaus publish: removals, name changes, black-list entries, later risk notices. */
export default class extends BaseSchema {
  protected tableName = 'public_notices'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('kind', 24).notNullable()
      table
        .bigint('institution_id')
        .nullable()
        .references('id')
        .inTable('institutions')
        .onDelete('SET NULL')
      table.specificType('province_code', 'char(6)').nullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.string('title', 255).notNullable()
      table.text('body').notNullable()
      table.string('published_by_unit', 128).nullable()
      table.timestamp('published_at', { useTz: true }).notNullable()
      table.index(['published_at'])
      table.index(['province_code', 'published_at'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
