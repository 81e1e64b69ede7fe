import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Administrative penalty decisions (校外培训行政处罚暂行办法, MOE Order
| No. 53, Art. 8: warning, fine, confiscation of illegal gains, suspension
| of enrolment, licence revoked). A decision is identified by its document
| number (文号); the database refuses one without its number or legal
| basis, and a fine or confiscation without an amount in fen. The lineage
| columns carry the institution's region so a bureau's scope is one
| indexed equality.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('credit_penalties', (table) => {
      table.bigIncrements('id')
      table.bigint('institution_id').notNullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table
        .string('kind', 16)
        .notNullable()
        .checkIn(['warning', 'fine', 'confiscation', 'suspension', 'revocation'])
      table.bigint('amount_fen').nullable()
      table.string('document_number', 64).notNullable().unique()
      table.date('decided_on').notNullable()
      table.text('facts').notNullable()
      table.text('legal_basis').notNullable()
      table.date('publish_until').notNullable()
      table.bigint('recorded_by_id').notNullable()
      table.string('recorded_by_unit', 128).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['institution_id', 'publish_until'])
      table.index(['province_code', 'city_code', 'county_code'])
    })
    this.schema.raw(`
      ALTER TABLE credit_penalties
        ADD CONSTRAINT credit_penalties_document_present CHECK (btrim(document_number) <> ''),
        ADD CONSTRAINT credit_penalties_basis_present CHECK (btrim(legal_basis) <> ''),
        ADD CONSTRAINT credit_penalties_amount CHECK (
          CASE WHEN kind IN ('fine', 'confiscation') THEN amount_fen > 0 ELSE amount_fen IS NULL END
        ),
        ADD CONSTRAINT credit_penalties_publication CHECK (publish_until >= decided_on)
    `)
  }

  override async down() {
    this.schema.dropTable('credit_penalties')
  }
}
