import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Sales freezes (issue 16): while an institution has an open freeze, no new
| contract is signed and no first charge is taken for its courses; charges
| of contracts already paid for go on. Another module raises and lifts
| them, naming its cause by `source` and `ref` (at most one open freeze per
| cause: a partial unique index, so racing raises meet on one row). The
| reason is an i18n key with its parameters, rendered in the reader's
| language. The sale check asks one indexed question per course.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('sales_freezes', (table) => {
      table.bigIncrements('id')
      table.bigint('institution_id').notNullable()
      table.string('source', 40).notNullable()
      table.string('ref', 80).notNullable()
      table.string('reason_key', 120).notNullable()
      table.jsonb('reason_params').notNullable().defaultTo('{}')
      table.string('link', 200).nullable()
      table.timestamp('frozen_at', { useTz: true }).notNullable()
      table.timestamp('lifted_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX sales_freezes_one_open ON sales_freezes (source, ref) WHERE lifted_at IS NULL`
    )
    this.schema.raw(
      `CREATE INDEX sales_freezes_open_by_institution ON sales_freezes (institution_id) WHERE lifted_at IS NULL`
    )
  }

  override async down() {
    this.schema.dropTable('sales_freezes')
  }
}
