import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| After-school eligible lists (Art. 21, issue 17). A bureau's call for a
| school year; each institution's one application with the projects it
| offers; the comparison's result, the bureau's decision and, once
| published, the rank are on the application. A published entry that
| stops meeting a criterion is dropped (dropped_at, with the checks that
| failed), never deleted: the schools that chose it see why.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('afterschool_calls', (table) => {
      table.bigIncrements('id')
      table.string('title', 100).notNullable()
      /* The school year it serves, by its first calendar year (2027 = 2027–2028). */
      table.smallint('school_year').notNullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.specificType('categories', 'text[]').notNullable()
      table.specificType('school_ids', 'bigint[]').notNullable()
      table.integer('max_price_per_class_fen').notNullable()
      table.date('opens_on').notNullable()
      table.date('closes_on').notNullable()
      table.string('status', 12).notNullable().defaultTo('open').checkIn(['open', 'published'])
      table.timestamp('published_at', { useTz: true }).nullable()
      table.bigint('published_by').nullable()
      table.bigint('created_by').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['county_code', 'status'])
      table.index(['city_code', 'status'])
      table.index(['province_code', 'status'])
      table.check('opens_on <= closes_on', [], 'afterschool_calls_dates')
      table.check('max_price_per_class_fen > 0', [], 'afterschool_calls_price')
    })

    this.schema.createTable('afterschool_applications', (table) => {
      table.bigIncrements('id')
      table.bigint('call_id').notNullable().references('id').inTable('afterschool_calls')
      table.bigint('institution_id').notNullable()
      table.bigint('submitted_by').notNullable()
      /* The projects offered: name, category, grades, price per class (fen), class size, teachers. */
      table.jsonb('offers').notNullable()
      /* The comparison: each check's pass or fail with its evidence. */
      table.boolean('eligible').nullable()
      table.jsonb('checks').nullable()
      table.timestamp('compared_at', { useTz: true }).nullable()
      /* The bureau's decision on an eligible applicant (a manual exclusion needs its reason). */
      table.string('decision', 10).nullable().checkIn(['included', 'excluded'])
      table.string('decision_reason', 500).nullable()
      table.bigint('decided_by').nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      /* Once published: the place in the list and the factors behind it. */
      table.integer('rank').nullable()
      table.jsonb('rank_factors').nullable()
      table.timestamp('dropped_at', { useTz: true }).nullable()
      table.jsonb('drop_checks').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['call_id', 'institution_id'])
      table.index(['institution_id'])
      table.check(
        `decision IS DISTINCT FROM 'excluded' OR decision_reason IS NOT NULL`,
        [],
        'afterschool_exclusion_reason'
      )
    })
  }

  override async down() {
    this.schema.dropTable('afterschool_applications')
    this.schema.dropTable('afterschool_calls')
  }
}
