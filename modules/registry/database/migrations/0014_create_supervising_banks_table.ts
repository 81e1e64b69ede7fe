import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The supervising banks an institution may name in its filing (Art. 9).
| A managed registry kept by the bureaus, not free text typed in a filing:
| a name that is not here cannot be filed, so no phantom bank is ever
| created from a form field. The fund module keeps each bank's API
| credentials beside it, keyed by the same name.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('supervising_banks', (table) => {
      table.bigIncrements('id')
      table.string('name', 128).notNullable().unique()
      table.specificType('region_code', 'char(6)').notNullable()
      table.bigint('registered_by_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['region_code'])
    })
  }

  override async down() {
    this.schema.dropTable('supervising_banks')
  }
}
