import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Texts moved to the messages module (modules/messages), which keeps its own
| log (message_deliveries) and development copies (dev_texts). The old
| tables held only masked bodies and development copies, both within their
| retention, so nothing anyone relies on is lost.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.dropTableIfExists('dev_sms_outbox')
    this.schema.dropTableIfExists('notifications')
  }

  override async down() {
    this.schema.createTable('notifications', (table) => {
      table.bigIncrements('id')
      table.string('channel', 16).notNullable()
      table.text('recipient_cipher').notNullable()
      table.string('recipient_masked', 20).notNullable()
      table.string('subject', 60).notNullable()
      table.text('body').notNullable()
      table.string('status', 16).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.createTable('dev_sms_outbox', (table) => {
      table.bigIncrements('id')
      table.bigint('notification_id').notNullable()
      table.string('recipient_masked', 20).notNullable()
      table.string('subject', 60).notNullable()
      table.text('body').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
  }
}
