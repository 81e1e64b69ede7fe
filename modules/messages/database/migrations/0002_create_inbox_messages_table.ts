import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Each signed-in person's message centre, written with the text (same
| message key) whether or not the person also gets it by text. Kinds with
| a secret (codes, password links) never come here, so no row holds one.
*/
export default class extends BaseSchema {
  protected tableName = 'inbox_messages'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigint('user_id').notNullable()
      table.string('kind', 40).notNullable()
      table.string('dedupe_key', 200).notNullable()
      /* Rendered in the reader's language when shown (modules/messages/templates.ts). */
      table.jsonb('params').notNullable()
      table.string('link', 300)
      table.timestamp('read_at', { useTz: true })
      table
        .timestamp('created_at', { useTz: true })
        .notNullable()
        .defaultTo(this.raw('clock_timestamp()'))
      table.unique(['user_id', 'dedupe_key'])
      table.index(['user_id', 'created_at'])
    })
    this.schema.raw(
      `CREATE INDEX inbox_messages_unread ON inbox_messages (user_id) WHERE read_at IS NULL`
    )
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
