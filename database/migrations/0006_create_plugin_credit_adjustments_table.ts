import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Credit adjustments that plugin policies record (PolicyActions
| `recordCreditAdjustment`). No credit module exists yet: this kernel table
| is the input it will read and score. Nothing in the platform reads these
| rows today; they are kept so no adjustment a province decided is lost.
*/
export default class extends BaseSchema {
  protected tableName = 'plugin_credit_adjustments'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigint('policy_run_id').notNullable().references('id').inTable('plugin_policy_runs')
      table.string('plugin_id', 64).notNullable()
      table.string('policy_id', 120).notNullable()
      table.bigint('institution_id').notNullable()
      table.string('region_code', 6).notNullable()
      table.string('province_code', 6).notNullable()
      table.integer('points').notNullable()
      table.jsonb('reason').notNullable()
      table.jsonb('authority').notNullable()
      table
        .timestamp('created_at', { useTz: true })
        .notNullable()
        .defaultTo(this.raw('clock_timestamp()'))
      table.index(['institution_id', 'created_at'])
    })
    this.schema.raw(
      `ALTER TABLE plugin_credit_adjustments ADD CONSTRAINT plugin_credit_adjustments_points CHECK (points <> 0 AND points BETWEEN -1000 AND 1000)`
    )
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
