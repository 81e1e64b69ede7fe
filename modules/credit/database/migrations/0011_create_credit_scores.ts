import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Each institution's current credit score with the factors that moved it,
| and every change of it with its cause (an event, the monthly run, an
| objection upheld). A recompute that changes nothing writes nothing, so
| a rerun after a crash or a redelivered event is harmless.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('credit_scores', (table) => {
      table.bigint('institution_id').primary()
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.integer('score').notNullable()
      table.specificType('grade', 'char(1)').notNullable()
      table.jsonb('factors').notNullable()
      table.timestamp('computed_at', { useTz: true }).notNullable()
      table.index(['province_code', 'city_code', 'county_code', 'grade'])
      table.check('score BETWEEN 0 AND 1000', [], 'credit_scores_range')
      table.check(`grade IN ('A', 'B', 'C', 'D', 'E')`, [], 'credit_scores_grade')
    })
    this.schema.createTable('credit_score_changes', (table) => {
      table.bigIncrements('id')
      table.bigint('institution_id').notNullable()
      table.integer('from_score').nullable()
      table.specificType('from_grade', 'char(1)').nullable()
      table.integer('to_score').notNullable()
      table.specificType('to_grade', 'char(1)').notNullable()
      /* An event name (complaints:filed), "monthly", or "objection". */
      table.string('cause', 64).notNullable()
      table.string('cause_ref', 64).nullable()
      table.jsonb('factors').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['institution_id', 'id'])
    })
  }

  override async down() {
    this.schema.dropTable('credit_score_changes')
    this.schema.dropTable('credit_scores')
  }
}
