import { BaseSchema } from '@adonisjs/lucid/schema'

/* Batch import of institutions from the Excel template (2018 manual: 机构信息批量导入). */
export default class extends BaseSchema {
  protected tableName = 'import_batches'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigint('uploaded_by_id').notNullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.string('file_name', 255).notNullable()
      table.string('file_sha256', 64).notNullable()
      table.string('storage_key', 255).notNullable()
      table
        .string('status', 16)
        .notNullable()
        .checkIn(['validating', 'invalid', 'ready', 'importing', 'done', 'failed'])
      table.integer('total_rows').notNullable().defaultTo(0)
      table.integer('processed_rows').notNullable().defaultTo(0)
      table.integer('created_count').notNullable().defaultTo(0)
      table.integer('updated_count').notNullable().defaultTo(0)
      /* [{ row, field, message }] shown before anything is written. */
      table.jsonb('row_errors').notNullable().defaultTo('[]')
      table.string('failure', 1000).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['uploaded_by_id', 'created_at'])
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
