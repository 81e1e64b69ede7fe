import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The five-part filing (2018 manual: 基本情况, 办学资质, 办学情况,
| 中小学学科类培训情况, 办学条件), one row per part, saved as the
| institution moves on; and each submission with the bureau's decision.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('filing_sections', (table) => {
      table.bigIncrements('id')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table
        .string('section', 16)
        .notNullable()
        .checkIn(['basic', 'qualifications', 'operations', 'academic', 'conditions'])
      table.jsonb('data').notNullable().defaultTo('{}')
      /* Encrypted personal fields of this part (ID and phone numbers), kept out of `data`. */
      table.jsonb('sealed').notNullable().defaultTo('{}')
      table.boolean('complete').notNullable().defaultTo(false)
      table.boolean('skipped').notNullable().defaultTo(false)
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['institution_id', 'section'])
    })

    this.schema.createTable('filing_reviews', (table) => {
      table.bigIncrements('id')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table.jsonb('snapshot').notNullable()
      table.timestamp('submitted_at', { useTz: true }).notNullable()
      table.bigint('submitted_by_id').nullable()
      table.string('decision', 16).nullable().checkIn(['approved', 'returned'])
      /* Reasons per part when returned: { basic: '…', operations: '…' }. */
      table.jsonb('reasons').notNullable().defaultTo('{}')
      table.string('comment', 1000).nullable()
      table.bigint('decided_by_id').nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.index(['institution_id', 'submitted_at'])
    })
  }

  override async down() {
    this.schema.dropTable('filing_reviews')
    this.schema.dropTable('filing_sections')
  }
}
