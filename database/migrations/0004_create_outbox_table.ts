import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The transactional outbox: a domain event is a row written in the same
| transaction as the change it announces, so it exists if and only if that
| change committed. A drain (queue job after commit, plus a sweep every
| minute) hands each row to the emitter and marks it delivered.
*/
export default class extends BaseSchema {
  protected tableName = 'outbox_events'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('event', 80).notNullable()
      table.jsonb('payload').notNullable()
      table
        .timestamp('created_at', { useTz: true })
        .notNullable()
        .defaultTo(this.raw('clock_timestamp()'))
      /* When the next attempt may start (pushed back after a failure). */
      table
        .timestamp('available_at', { useTz: true })
        .notNullable()
        .defaultTo(this.raw('clock_timestamp()'))
      /* A drain's lease: while it lies in the future no other drain takes the row. */
      table.timestamp('claimed_until', { useTz: true })
      table.integer('attempts').notNullable().defaultTo(0)
      table.text('last_error')
      table.timestamp('delivered_at', { useTz: true })
      /* Gave up after the last retry; an operator looks at last_error and may requeue. */
      table.timestamp('failed_at', { useTz: true })
    })
    /* The drain's only question: what is due and not yet delivered, oldest first. */
    this.schema.raw(
      `CREATE INDEX outbox_events_due ON outbox_events (available_at, id) WHERE delivered_at IS NULL AND failed_at IS NULL`
    )
    this.schema.raw(
      `CREATE INDEX outbox_events_delivered ON outbox_events (delivered_at) WHERE delivered_at IS NOT NULL`
    )
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
