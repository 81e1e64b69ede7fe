import { BaseSchema } from '@adonisjs/lucid/schema'

/* Counters for @adonisjs/limiter (LIMITER_STORE=database): failed sign-ins, code requests. */
export default class extends BaseSchema {
  protected tableName = 'rate_limits'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('key', 255).notNullable().primary()
      table.integer('points', 9).notNullable().defaultTo(0)
      table.bigint('expire').unsigned()
    })
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
