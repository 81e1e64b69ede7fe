import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| One-time codes a guardian hands the second guardian. Only the code's
| keyed hash is stored; the code itself is shown once. A code works once,
| until it expires, and a new one replaces the open one (one open
| invitation per child).
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('child_invitations', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('child_id')
        .notNullable()
        .references('id')
        .inTable('children')
        .onDelete('CASCADE')
      table.string('code_index', 128).notNullable().unique()
      table.bigInteger('created_by_user_id').notNullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('accepted_at', { useTz: true }).nullable()
      table.bigInteger('accepted_by_user_id').nullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`CREATE UNIQUE INDEX child_invitations_one_open ON child_invitations (child_id)
      WHERE accepted_at IS NULL AND revoked_at IS NULL`)
  }

  override async down() {
    this.schema.dropTable('child_invitations')
  }
}
