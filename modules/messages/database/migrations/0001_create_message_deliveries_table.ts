import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| One row per text to one person for one reason. `dedupe_key` (the event
| and the recipient) makes a redelivered event text nobody twice. The
| parameters are kept encrypted only until the text is sent or given up
| (a retry needs them); the log keeps `body_masked`, with codes and link
| tokens masked, the provider's message id and what became of it.
*/
export default class extends BaseSchema {
  protected tableName = 'message_deliveries'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('kind', 40).notNullable()
      table.string('dedupe_key', 200).notNullable().unique()
      table.bigint('recipient_user_id')
      table.text('recipient_cipher').notNullable()
      /* A blind index of the number: "the texts to this phone" without unsealing any. */
      table.string('recipient_index', 64).notNullable()
      table.string('recipient_masked', 20).notNullable()
      table.text('params_cipher')
      table.text('body_masked').notNullable()
      table.string('provider', 16).notNullable()
      table.string('status', 16).notNullable().defaultTo('queued')
      table.integer('attempts').notNullable().defaultTo(0)
      table.string('provider_message_id', 100)
      table.string('failure', 24)
      table.string('provider_code', 100)
      table.text('last_error')
      table
        .timestamp('created_at', { useTz: true })
        .notNullable()
        .defaultTo(this.raw('clock_timestamp()'))
      table.timestamp('sent_at', { useTz: true })
      table.timestamp('failed_at', { useTz: true })
      table.index(['status', 'created_at'])
      table.index(['created_at'])
      table.index(['recipient_index', 'id'])
    })
    this.schema.raw(
      `ALTER TABLE message_deliveries ADD CONSTRAINT message_deliveries_status CHECK (status IN ('queued', 'retrying', 'sent', 'failed', 'skipped'))`
    )
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
