import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The risk board's rollup: open warnings counted by the institution's
| region, level and indicator. Counting 170,000 open warnings for the
| ministry took 700 ms; summing this table by province takes a few. Kept
| by the writes that open, move and lift warnings, in their transaction
| (write_warnings.ts, the bureau's lift), and rebuilt whole by the
| nightly run, so a count can never drift for more than a day (the
| board reads a count below zero as zero meanwhile). A
| partial index serves the board's "oldest unhandled first" list.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('risk_board_counts', (table) => {
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.string('level', 8).notNullable()
      table.string('indicator', 32).notNullable()
      table.integer('n').notNullable()
      table.primary(['region_code', 'level', 'indicator'])
    })
    this.schema.raw(`
      INSERT INTO risk_board_counts (region_code, province_code, city_code, county_code, level, indicator, n)
      SELECT region_code, province_code, min(city_code), min(county_code), level, indicator, count(*)
        FROM risk_warnings WHERE lifted_at IS NULL
       GROUP BY region_code, province_code, level, indicator`)
    this.schema.raw(
      `CREATE INDEX risk_warnings_oldest_open ON risk_warnings (raised_at, id) WHERE lifted_at IS NULL`
    )
  }

  override async down() {
    this.schema.raw('DROP INDEX IF EXISTS risk_warnings_oldest_open')
    this.schema.dropTable('risk_board_counts')
  }
}
