import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Credit's own copy of schools' term-end ratings of after-school
| providers (issue 17, item 6), written from `afterschool:provider_rated`
| so the score never reads the afterschool module's tables. One row per
| school, list entry and term: a redelivered event changes nothing.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('credit_school_ratings', (table) => {
      table.bigIncrements('id')
      table.bigint('institution_id').notNullable()
      table.bigint('school_id').notNullable()
      table.bigint('application_id').notNullable()
      table.string('term', 21).notNullable()
      table.smallint('quality').notNullable()
      table.smallint('safety').notNullable()
      table.smallint('punctuality').notNullable()
      table.date('rated_on').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['school_id', 'application_id', 'term'])
      table.index(['institution_id', 'rated_on'])
      table.check(
        'quality BETWEEN 1 AND 5 AND safety BETWEEN 1 AND 5 AND punctuality BETWEEN 1 AND 5',
        [],
        'credit_school_ratings_scores'
      )
    })
  }

  override async down() {
    this.schema.dropTable('credit_school_ratings')
  }
}
