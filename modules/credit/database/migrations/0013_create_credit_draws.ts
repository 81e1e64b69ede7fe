import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Inspection draws weighted by credit grade, with their seed and the
| grades they were drawn from, so a draw can be replayed and checked.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('credit_draws', (table) => {
      table.bigIncrements('id')
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').nullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.string('seed', 32).notNullable()
      table.integer('population').notNullable()
      table.integer('sample_size').notNullable()
      /* [{ institutionId, grade }] in draw order. */
      table.jsonb('drawn').notNullable()
      table.jsonb('weights').notNullable()
      table.bigint('created_by_id').notNullable()
      table.string('created_by_unit', 128).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['province_code', 'city_code', 'county_code'])
    })
  }

  override async down() {
    this.schema.dropTable('credit_draws')
  }
}
