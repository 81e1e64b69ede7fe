import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The school terminal (issue 17, items 5 and 6). A school chooses a
| project of a published list's entry into one of its weekly slots; it
| records the service agreement it signs with that provider for a term;
| at term end it rates the provider once. A choice is never deleted: a
| school that drops it ends it (status ended), so the county's totals and
| the history stay. Times are Beijing wall-clock "HH:MM".
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('afterschool_choices', (table) => {
      table.bigIncrements('id')
      table.bigint('school_id').notNullable()
      table.bigint('call_id').notNullable().references('id').inTable('afterschool_calls')
      table
        .bigint('application_id')
        .notNullable()
        .references('id')
        .inTable('afterschool_applications')
      /* The project: its place in the application's offers, and its name as chosen. */
      table.smallint('offer_index').notNullable()
      table.string('offer_name', 60).notNullable()
      table.smallint('weekday').notNullable()
      table.string('starts_at', 5).notNullable()
      table.string('ends_at', 5).notNullable()
      table.specificType('grades', 'text[]').notNullable()
      table.integer('capacity').notNullable()
      table.string('status', 8).notNullable().defaultTo('chosen').checkIn(['chosen', 'ended'])
      table.bigint('created_by').notNullable()
      table.timestamp('ended_at', { useTz: true }).nullable()
      table.bigint('ended_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['school_id', 'status'])
      table.index(['call_id', 'status'])
      table.index(['application_id'])
      table.check('weekday BETWEEN 1 AND 7', [], 'afterschool_choices_weekday')
      table.check(
        `starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ends_at > starts_at`,
        [],
        'afterschool_choices_times'
      )
      table.check('capacity > 0', [], 'afterschool_choices_capacity')
      table.check('cardinality(grades) > 0', [], 'afterschool_choices_grades')
      table.check(`(status = 'ended') = (ended_at IS NOT NULL)`, [], 'afterschool_choices_ended')
    })
    /* One live choice per project and slot; an ended one may be chosen again. */
    this.schema.raw(
      `CREATE UNIQUE INDEX afterschool_choices_slot ON afterschool_choices
         (school_id, application_id, offer_index, weekday, starts_at) WHERE status = 'chosen'`
    )

    this.schema.createTable('afterschool_agreements', (table) => {
      table.bigIncrements('id')
      table.bigint('school_id').notNullable()
      table.bigint('call_id').notNullable().references('id').inTable('afterschool_calls')
      table
        .bigint('application_id')
        .notNullable()
        .references('id')
        .inTable('afterschool_applications')
      table.smallint('offer_index').notNullable()
      table.string('number', 40).notNullable()
      table.date('signed_on').notNullable()
      table.date('term_starts_on').notNullable()
      table.date('term_ends_on').notNullable()
      /* Copied from the listed project when recorded, so a later application cannot move it. */
      table.integer('price_per_class_fen').notNullable()
      table.string('notes', 500).nullable()
      table.bigint('created_by').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['school_id', 'application_id', 'term_starts_on'])
      table.index(['call_id'])
      table.check('term_starts_on < term_ends_on', [], 'afterschool_agreements_term')
      table.check('price_per_class_fen > 0', [], 'afterschool_agreements_price')
    })

    this.schema.createTable('afterschool_evaluations', (table) => {
      table.bigIncrements('id')
      table.bigint('school_id').notNullable()
      table
        .bigint('application_id')
        .notNullable()
        .references('id')
        .inTable('afterschool_applications')
      table
        .bigint('agreement_id')
        .notNullable()
        .unique()
        .references('id')
        .inTable('afterschool_agreements')
      table.bigint('institution_id').notNullable()
      /* The agreement's term, "YYYY-MM-DD/YYYY-MM-DD" (ISO 8601 interval). */
      table.string('term', 21).notNullable()
      table.smallint('quality').notNullable()
      table.smallint('safety').notNullable()
      table.smallint('punctuality').notNullable()
      table.string('comment', 500).nullable()
      table.bigint('created_by').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['school_id', 'application_id', 'term'])
      table.index(['institution_id'])
      table.check(
        'quality BETWEEN 1 AND 5 AND safety BETWEEN 1 AND 5 AND punctuality BETWEEN 1 AND 5',
        [],
        'afterschool_evaluations_scores'
      )
    })
  }

  override async down() {
    this.schema.dropTable('afterschool_evaluations')
    this.schema.dropTable('afterschool_agreements')
    this.schema.dropTable('afterschool_choices')
  }
}
