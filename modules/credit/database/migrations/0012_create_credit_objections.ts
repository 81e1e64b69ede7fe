import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Objections (异议) an institution files against its credit score, and the
| bureau's answer. Kept for good: the history of a grade includes who
| contested it, why, and what the bureau decided.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('credit_objections', (table) => {
      table.bigIncrements('id')
      table.bigint('institution_id').notNullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      /* The score contested, as it stood when the objection was filed. */
      table.integer('score').nullable()
      table.specificType('grade', 'char(1)').nullable()
      table.text('reason').notNullable()
      table.bigint('filed_by_id').notNullable()
      table
        .string('status', 12)
        .notNullable()
        .defaultTo('open')
        .checkIn(['open', 'upheld', 'dismissed'])
      table.text('answer').nullable()
      table.bigint('answered_by_id').nullable()
      table.string('answered_by_unit', 128).nullable()
      table.timestamp('answered_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['institution_id', 'id'])
      table.index(['province_code', 'city_code', 'county_code', 'status'])
      table.check(
        `(status = 'open') = (answer IS NULL AND answered_at IS NULL)`,
        [],
        'credit_objections_answered'
      )
    })
  }

  override async down() {
    this.schema.dropTable('credit_objections')
  }
}
