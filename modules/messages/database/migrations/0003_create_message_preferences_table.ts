import { BaseSchema } from '@adonisjs/lucid/schema'

/* Which kinds a person also wants by text; no row: yes. Mandatory kinds ignore it. */
export default class extends BaseSchema {
  protected tableName = 'message_preferences'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigint('user_id').notNullable()
      table.string('kind', 40).notNullable()
      table.boolean('by_text').notNullable()
      table
        .timestamp('updated_at', { useTz: true })
        .notNullable()
        .defaultTo(this.raw('clock_timestamp()'))
      table.primary(['user_id', 'kind'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
