import { BaseSchema } from '@adonisjs/lucid/schema'

/* Uploaded evidence (licences, safety certificates, staff papers), stored privately through Drive. */
export default class extends BaseSchema {
  protected tableName = 'registry_documents'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      table.string('storage_key', 255).notNullable().unique()
      table.string('original_name', 255).notNullable()
      table.string('mime_type', 64).notNullable()
      table.integer('size_bytes').notNullable()
      table.string('sha256', 64).notNullable()
      table.bigint('uploaded_by_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['institution_id', 'kind'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
