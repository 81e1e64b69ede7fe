import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The school register (issue 17): each primary and secondary school a
| county keeps, by its national school code (学校标识码, 10 digits), with
| the stages it teaches. Children's profiles name a school from it, and
| the after-school services are chosen by its schools. The lineage
| columns carry the county's region so a bureau's list is one equality.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('schools', (table) => {
      table.bigIncrements('id')
      table.string('name', 100).notNullable()
      table.specificType('code', 'char(10)').notNullable().unique()
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      /* Of preschool, primary, junior, senior: what the school teaches. */
      table.specificType('stages', 'text[]').notNullable()
      table.string('address', 200).nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['county_code', 'name'])
      table.index(['city_code'])
    })
  }

  override async down() {
    this.schema.dropTable('schools')
  }
}
