import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Requests to the machine endpoints that cannot be tied to a known provider
| or bank (unknown provider, unknown bank key) are not stored one row each:
| they are counted per endpoint, reason and minute, so a flood grows a
| counter, not a table. Verified requests keep their full record.
| Bodies are stored as received: a NUL byte or invalid UTF-8 no longer
| fails the insert (the text copy is escaped, the bytes kept in `body_bytes`).
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('machine_request_counts', (table) => {
      table.string('endpoint', 16).notNullable()
      table.string('reason', 64).notNullable()
      table.timestamp('minute', { useTz: true }).notNullable()
      table.integer('count').notNullable().defaultTo(0)
      table.string('last_remote_ip', 64).nullable()
      table.primary(['endpoint', 'reason', 'minute'])
      table.index(['minute'])
    })
    this.schema.alterTable('channel_notices', (table) => {
      table.binary('body_bytes').nullable()
    })
    this.schema.alterTable('bank_api_requests', (table) => {
      table.binary('body_bytes').nullable()
      table.index(['received_at'])
    })
  }

  override async down() {
    this.schema.alterTable('bank_api_requests', (table) => {
      table.dropIndex(['received_at'])
      table.dropColumn('body_bytes')
    })
    this.schema.alterTable('channel_notices', (table) => {
      table.dropColumn('body_bytes')
    })
    this.schema.dropTable('machine_request_counts')
  }
}
