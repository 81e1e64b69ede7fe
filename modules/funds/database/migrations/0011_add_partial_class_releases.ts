import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| A class's fee may be released in parts (issue 14, item 11): a province
| may retain a share of it until the course ends. Each class keeps what
| has been released of its fee so far, and each release instruction of a
| class is numbered (its tranche) so that a class may have more than one.
| The copy of existing releases and the checks follow in 0012 and 0013.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.alterTable('consumptions', (table) => {
      table.bigint('released_fen').notNullable().defaultTo(0)
    })
    this.schema.alterTable('bank_instructions', (table) => {
      table.smallint('tranche').notNullable().defaultTo(1)
    })
  }

  override async down() {
    this.schema.alterTable('bank_instructions', (table) => {
      table.dropColumn('tranche')
    })
    this.schema.alterTable('consumptions', (table) => {
      table.dropColumn('released_fen')
    })
  }
}
