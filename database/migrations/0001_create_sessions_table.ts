import { BaseSchema } from '@adonisjs/lucid/schema'

/* Server-side sessions (SESSION_DRIVER=database), tagged by user so an account can be signed out everywhere. */
export default class extends BaseSchema {
  protected tableName = 'sessions'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('id').primary()
      table.text('data').notNullable()
      table.string('user_id').nullable().index()
      table.timestamp('expires_at', { useTz: true }).notNullable().index()
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
