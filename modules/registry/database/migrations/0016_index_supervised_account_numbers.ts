import { BaseSchema } from '@adonisjs/lucid/schema'

/* The check that a supervised account is filed by one institution only (supervised_account_owner.ts) looks numbers up by this index. */
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(
      `CREATE INDEX filing_sections_supervised_account ON filing_sections ((regexp_replace(data->>'supervisedAccount', '\\s', '', 'g'))) WHERE section = 'operations'`
    )
  }

  override async down() {
    this.schema.raw('DROP INDEX IF EXISTS filing_sections_supervised_account')
  }
}
