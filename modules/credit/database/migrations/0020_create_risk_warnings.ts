import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Risk warnings (Art. 17): at most one open warning per institution and
| indicator (a partial unique index, which makes racing evaluations meet
| on one row), with its level, value, threshold and the evidence behind
| it; its lifecycle (reminded, urged, public notice, lifted and why) on
| the row, and every level change kept in risk_warning_changes. Values
| are in the indicator's unit (percent, per 100 orders, a count, days).
| The lineage columns carry the institution's region so a bureau's board
| is one indexed equality.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('risk_warnings', (table) => {
      table.bigIncrements('id')
      table.bigint('institution_id').notNullable()
      table.string('indicator', 32).notNullable()
      table.string('level', 8).notNullable().checkIn(['yellow', 'orange', 'red'])
      table.decimal('value', 14, 2).notNullable()
      table.decimal('threshold', 14, 2).notNullable()
      table.jsonb('evidence').notNullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.timestamp('raised_at', { useTz: true }).notNullable()
      table.timestamp('level_changed_at', { useTz: true }).notNullable()
      table.timestamp('reminded_at', { useTz: true }).nullable()
      /* Beijing dates, fixed when the warning is raised from the province's clocks. */
      table.date('urge_due_on').notNullable()
      table.timestamp('urged_at', { useTz: true }).nullable()
      table.date('notice_due_on').nullable()
      table.timestamp('noticed_at', { useTz: true }).nullable()
      table.bigint('notice_id').nullable()
      table.text('answer').nullable()
      table.timestamp('answered_at', { useTz: true }).nullable()
      table.bigint('answered_by').nullable()
      table.timestamp('lifted_at', { useTz: true }).nullable()
      table.string('lift_reason', 16).nullable().checkIn(['recovered', 'bureau', 'switched_off'])
      table.string('lift_note', 500).nullable()
      table.bigint('lifted_by').nullable()
      /* A bureau's lift holds until the indicator recovers or worsens past the lifted level. */
      table.boolean('lift_holds').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['institution_id', 'raised_at'])
      table.index(['county_code', 'level'])
      table.index(['city_code', 'level'])
      table.index(['province_code', 'level'])
      table.check(
        `(lifted_at IS NULL) = (lift_reason IS NULL)`,
        [],
        'risk_warnings_lifted_with_reason'
      )
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX risk_warnings_one_open ON risk_warnings (institution_id, indicator) WHERE lifted_at IS NULL`
    )
    this.schema.raw(
      `CREATE INDEX risk_warnings_due ON risk_warnings (urge_due_on) WHERE lifted_at IS NULL AND urged_at IS NULL`
    )
    this.schema.raw(
      `CREATE INDEX risk_warnings_notice_due ON risk_warnings (notice_due_on) WHERE lifted_at IS NULL AND noticed_at IS NULL`
    )

    this.schema.createTable('risk_warning_changes', (table) => {
      table.bigIncrements('id')
      table
        .bigint('warning_id')
        .notNullable()
        .references('id')
        .inTable('risk_warnings')
        .onDelete('CASCADE')
      /* null: raised; to null: lifted. */
      table.string('from_level', 8).nullable()
      table.string('to_level', 8).nullable()
      table.decimal('value', 14, 2).nullable()
      table.decimal('threshold', 14, 2).nullable()
      table
        .string('cause', 16)
        .notNullable()
        .checkIn(['evaluation', 'recovered', 'bureau', 'switched_off'])
      table.bigint('actor_id').nullable()
      table.string('note', 500).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['warning_id', 'id'])
    })
  }

  override async down() {
    this.schema.dropTable('risk_warning_changes')
    this.schema.dropTable('risk_warnings')
  }
}
