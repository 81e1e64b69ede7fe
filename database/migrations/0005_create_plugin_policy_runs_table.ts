import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| One row per (domain event, plugin policy) that must react to it. The row
| is written when the event is delivered; the policy then runs from its own
| outbox event, so a failing policy is retried alone (never re-running the
| other listeners of the event) and its last error stays here for the
| operators' page in the management terminal. `source_outbox_id` makes a
| redelivered event enqueue each policy once.
*/
export default class extends BaseSchema {
  protected tableName = 'plugin_policy_runs'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('plugin_id', 64).notNullable()
      table.string('policy_id', 120).notNullable()
      table.string('event', 80).notNullable()
      table.jsonb('payload').notNullable()
      table.string('region_code', 6).notNullable()
      table.string('province_code', 6).notNullable()
      table.bigint('source_outbox_id')
      table.string('status', 16).notNullable().defaultTo('pending')
      table.integer('attempts').notNullable().defaultTo(0)
      table.text('last_error')
      table
        .timestamp('created_at', { useTz: true })
        .notNullable()
        .defaultTo(this.raw('clock_timestamp()'))
      table.timestamp('finished_at', { useTz: true })
      table.unique(['source_outbox_id', 'plugin_id', 'policy_id'])
    })
    this.schema.raw(
      `ALTER TABLE plugin_policy_runs ADD CONSTRAINT plugin_policy_runs_status CHECK (status IN ('pending', 'retrying', 'done', 'failed', 'dropped'))`
    )
    /* The operators' question: what has not run, per province. */
    this.schema.raw(
      `CREATE INDEX plugin_policy_runs_open ON plugin_policy_runs (province_code, plugin_id, id) WHERE status <> 'done'`
    )
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
