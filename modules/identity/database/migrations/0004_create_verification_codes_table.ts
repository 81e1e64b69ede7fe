import { BaseSchema } from '@adonisjs/lucid/schema'

/* Codes sent to a phone to prove it belongs to the person (registration, real-name complaints). */
export default class extends BaseSchema {
  protected tableName = 'verification_codes'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('phone_index', 64).notNullable()
      table.string('purpose', 32).notNullable()
      table.string('code_hash', 64).notNullable()
      table.smallint('attempts').notNullable().defaultTo(0)
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('consumed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['phone_index', 'purpose', 'created_at'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
