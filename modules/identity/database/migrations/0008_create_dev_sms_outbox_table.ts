import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| What the development channel (NOTIFY_CHANNEL=outbox) "delivered": the
| message as a phone would show it, secrets included, read on /dev/outbox.
| It stands in for the SMS provider, which also holds what it sent. The
| platform's own log (`notifications`) keeps only masked bodies. Nothing is
| written here in production; rows are pruned after 7 days.
*/
export default class extends BaseSchema {
  protected tableName = 'dev_sms_outbox'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigint('notification_id').notNullable()
      table.string('recipient_masked', 64).notNullable()
      table.string('subject', 128).notNullable()
      table.text('body').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['recipient_masked', 'id'])
      table.index(['created_at'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
