import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Every message the platform sends (codes, one-time links), whichever
| channel delivers it. With NOTIFY_CHANNEL=outbox this is the delivery.
*/
export default class extends BaseSchema {
  protected tableName = 'notifications'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('channel', 16).notNullable().checkIn(['sms', 'email'])
      table.text('recipient_cipher').notNullable()
      table.string('recipient_masked', 64).notNullable()
      table.string('subject', 128).notNullable()
      table.text('body').notNullable()
      table.string('status', 16).notNullable().defaultTo('sent')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['created_at'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
