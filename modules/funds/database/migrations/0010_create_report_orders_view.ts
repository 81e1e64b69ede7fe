import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| funds' report view for plugin reports (issue 14 item 9): one row an
| order (one charge) with its money in fen, without the parent, and only
| inside the scope the report host sets for the run.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(`
      CREATE VIEW report_orders AS
      SELECT id, number, contract_id, course_id, institution_id,
             region_code, province_code, city_code, county_code,
             mode, charge_no, first_class, class_count, price_per_class_fen, amount_fen,
             status, provider, paid_at, closed_at, paid_fen, released_fen, refunding_fen,
             refunded_fen, classes_consumed, classes_refunded, created_at
        FROM orders
       WHERE current_setting('xiaowai.report_scope', true) IN
             ('000000', province_code, city_code, county_code, region_code)`)
  }

  override async down() {
    this.schema.raw('DROP VIEW report_orders')
  }
}
