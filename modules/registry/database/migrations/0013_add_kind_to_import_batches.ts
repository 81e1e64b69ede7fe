import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The prohibited-persons list is imported through the same batches as
| institutions, so its spreadsheet is parsed by the import job and never
| inside a web request (security review finding 18). `kind` keeps the two
| apart: an institution batch can never be "run" as a list, nor the reverse.
*/
export default class extends BaseSchema {
  protected tableName = 'import_batches'

  override async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table
        .string('kind', 24)
        .notNullable()
        .defaultTo('institutions')
        .checkIn(['institutions', 'prohibited_persons'])
      /* Rows already on the list (prohibited persons) or refused at run time (institutions). */
      table.integer('skipped_count').notNullable().defaultTo(0)
    })
  }

  override async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('kind')
      table.dropColumn('skipped_count')
    })
  }
}
