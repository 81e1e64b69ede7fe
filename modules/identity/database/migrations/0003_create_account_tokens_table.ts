import { BaseSchema } from '@adonisjs/lucid/schema'

/* One-time, expiring links that let a person set their own password. Only a hash is stored. */
export default class extends BaseSchema {
  protected tableName = 'account_tokens'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigint('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('purpose', 32).notNullable().checkIn(['set_password'])
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.bigint('issued_by_id').nullable().references('id').inTable('users')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['user_id', 'purpose'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
