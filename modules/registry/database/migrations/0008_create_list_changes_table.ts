import { BaseSchema } from '@adonisjs/lucid/schema'

/* Every change of an institution's white/grey/black status, with why and by whom. */
export default class extends BaseSchema {
  protected tableName = 'list_changes'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table.string('from_status', 8).notNullable()
      table.string('to_status', 8).notNullable()
      table.jsonb('reasons').notNullable().defaultTo('[]')
      table.string('source', 16).notNullable().checkIn(['rules', 'override'])
      table.bigint('changed_by_id').nullable()
      table.timestamp('changed_at', { useTz: true }).notNullable()
      table.index(['institution_id', 'changed_at'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
