import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The development channel's copies (NOTIFY_CHANNEL=outbox): the full text
| each message would have carried, so `npm run demo` and the tests can read
| a code. Never written in production; pruned after a day.
*/
export default class extends BaseSchema {
  protected tableName = 'dev_texts'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigint('delivery_id').notNullable()
      table.string('recipient_index', 64).notNullable()
      table.string('recipient_masked', 20).notNullable()
      table.string('kind', 40).notNullable()
      table.text('body').notNullable()
      table
        .timestamp('created_at', { useTz: true })
        .notNullable()
        .defaultTo(this.raw('clock_timestamp()'))
      table.index(['recipient_index', 'id'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
