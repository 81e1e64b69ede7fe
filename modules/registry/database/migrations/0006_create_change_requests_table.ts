import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| After approval, key facts (name, legal person, address, licence) change
| only through a request the bureau approves (Art. 12); names keep history.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('change_requests', (table) => {
      table.bigIncrements('id')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table.jsonb('changes').notNullable()
      table.string('reason', 1000).notNullable()
      table.bigint('document_id').nullable().references('id').inTable('registry_documents')
      table
        .string('status', 16)
        .notNullable()
        .defaultTo('pending')
        .checkIn(['pending', 'approved', 'rejected'])
      table.bigint('requested_by_id').nullable()
      table.bigint('decided_by_id').nullable()
      table.string('decision_comment', 1000).nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['institution_id', 'status'])
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX change_requests_one_pending ON change_requests (institution_id) WHERE status = 'pending'`
    )

    this.schema.createTable('institution_names', (table) => {
      table.bigIncrements('id')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table.string('name', 128).notNullable()
      table.date('used_from').nullable()
      table.date('used_until').notNullable()
      table.index(['institution_id'])
    })
  }

  override async down() {
    this.schema.dropTable('institution_names')
    this.schema.dropTable('change_requests')
  }
}
