import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| An institution as the public and the bureaus see it. Public columns are
| copied from the filing when a bureau approves it; the draft lives in
| filing_sections until then.
*/
export default class extends BaseSchema {
  protected tableName = 'institutions'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('name', 128).notNullable()
      table.string('credit_code', 18).nullable()
      table.string('delivery', 16).notNullable().defaultTo('offline').checkIn(['offline', 'online'])
      table.string('nature', 16).nullable().checkIn(['for_profit', 'non_profit'])
      table
        .specificType('region_code', 'char(6)')
        .notNullable()
        .references('code')
        .inTable('regions')
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.string('address', 255).nullable()
      table.string('legal_rep_name', 64).nullable()
      table.specificType('categories', 'text[]').notNullable().defaultTo('{}')
      table.string('qualification_type', 24).nullable()
      table.string('licence_number', 64).nullable()
      table.date('licence_valid_to').nullable()
      table.jsonb('service_channels').notNullable().defaultTo('[]')
      table
        .string('filing_status', 16)
        .notNullable()
        .defaultTo('draft')
        .checkIn(['draft', 'submitted', 'returned', 'approved'])
      table.timestamp('approved_at', { useTz: true }).nullable()
      table
        .string('list_status', 8)
        .notNullable()
        .defaultTo('none')
        .checkIn(['none', 'white', 'grey', 'black'])
      table.jsonb('list_reasons').notNullable().defaultTo('[]')
      table.timestamp('list_changed_at', { useTz: true }).nullable()
      /* A bureau's override wins over the rules until it is cleared. */
      table.string('list_override', 8).nullable().checkIn(['white', 'grey', 'black'])
      table.string('list_override_reason', 500).nullable()
      table.timestamp('removed_at', { useTz: true }).nullable()
      table.string('removal_reason', 500).nullable()
      table.bigint('removed_by_id').nullable()
      table.string('source', 16).notNullable().defaultTo('self').checkIn(['self', 'import'])
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()

      table.index(['province_code', 'list_status'])
      table.index(['city_code', 'list_status'])
      table.index(['county_code', 'list_status'])
      table.index(['filing_status', 'province_code'])
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX institutions_credit_code_unique ON institutions (credit_code) WHERE credit_code IS NOT NULL AND removed_at IS NULL`
    )
    this.schema.raw(
      `CREATE INDEX institutions_name_trgm ON institutions USING gin (name gin_trgm_ops)`
    )
    this.schema.raw(`CREATE INDEX institutions_categories ON institutions USING gin (categories)`)
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
