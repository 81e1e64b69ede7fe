import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Courses and the history of their listing decisions. Money is in fen.
| Region scope and sellability come from the registry (its sub-select),
| so a course never carries a stale copy of its institution's status.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('courses', (table) => {
      table.bigIncrements('id')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('RESTRICT')
      table.string('name', 128).notNullable()
      table.string('kind', 16).notNullable().checkIn(['academic', 'non_academic'])
      table.string('subject', 32).nullable()
      table.string('category', 32).nullable()
      table.specificType('grades', 'text[]').notNullable()
      table.specificType('stages', 'text[]').notNullable()
      table.string('delivery', 16).notNullable().checkIn(['offline', 'online'])
      table.boolean('live').notNullable().defaultTo(false)
      table.string('venue', 255).nullable()
      table.specificType('teacher_ids', 'bigint[]').notNullable()
      table
        .string('teaching_mode', 16)
        .notNullable()
        .checkIn(['one_to_one', 'small_class', 'large_class'])
      table.integer('capacity').notNullable()
      table.integer('min_class_size').notNullable().defaultTo(1)
      table.boolean('named_teacher').notNullable().defaultTo(false)
      table.date('start_date').notNullable()
      table.date('end_date').notNullable()
      table.jsonb('slots').notNullable()
      table.integer('minutes_per_class').notNullable()
      table.integer('class_count').notNullable()
      table.bigint('price_per_class_fen').notNullable()
      table.integer('classes_per_charge').notNullable()
      table.boolean('homework').notNullable().defaultTo(false)
      table.integer('refund_within_days').notNullable()
      table.string('dispute_resolution', 16).notNullable().checkIn(['court', 'arbitration'])
      table.string('arbitration_body', 128).nullable()
      table.text('description').notNullable()
      table
        .string('status', 16)
        .notNullable()
        .defaultTo('draft')
        .checkIn(['draft', 'pending', 'on_sale', 'rejected', 'taken_down'])
      /* Bumped on every edit: a contract names the version it was signed on. */
      table.integer('version').notNullable().defaultTo(1)
      table.string('decision_reason', 500).nullable()
      table.timestamp('submitted_at', { useTz: true }).nullable()
      table.timestamp('listed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['institution_id', 'status'])
      table.index(['status', 'kind'])
      table.index(['status', 'start_date'])
      table.check('price_per_class_fen >= 0', [], 'courses_price_not_negative')
      table.check('minutes_per_class > 0', [], 'courses_minutes_positive')
      table.check('end_date >= start_date', [], 'courses_dates_ordered')
      table.check(
        'capacity > 0 AND classes_per_charge > 0 AND class_count > 0',
        [],
        'courses_counts_positive'
      )
    })
    this.schema.raw('CREATE INDEX courses_grades_idx ON courses USING gin (grades)')
    this.schema.raw('CREATE INDEX courses_name_trgm_idx ON courses USING gin (name gin_trgm_ops)')

    this.schema.createTable('course_decisions', (table) => {
      table.bigIncrements('id')
      table
        .bigint('course_id')
        .notNullable()
        .references('id')
        .inTable('courses')
        .onDelete('CASCADE')
      table
        .string('action', 16)
        .notNullable()
        .checkIn(['submitted', 'approved', 'rejected', 'listed', 'taken_down'])
      table.integer('course_version').notNullable()
      table.string('reason', 500).nullable()
      table.bigint('actor_id').nullable()
      table.string('actor_unit', 128).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['course_id', 'created_at'])
    })
  }

  override async down() {
    this.schema.dropTable('course_decisions')
    this.schema.dropTable('courses')
  }
}
