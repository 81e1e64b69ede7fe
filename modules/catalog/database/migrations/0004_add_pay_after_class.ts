import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| "Learn first, pay later" (先学后付): an institution may offer it per
| course; a parent who chooses it is charged after each class, so nothing
| is prepaid or held for that contract.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.alterTable('courses', (table) => {
      table.boolean('pay_after_class').notNullable().defaultTo(false)
    })
  }

  override async down() {
    this.schema.alterTable('courses', (table) => {
      table.dropColumn('pay_after_class')
    })
  }
}
