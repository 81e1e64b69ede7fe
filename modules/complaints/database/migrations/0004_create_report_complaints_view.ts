import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| complaints' report view for plugin reports (issue 14 item 9): one row a
| complaint or tip-off, without the complainant (no name, phone, author or
| tracking code) or the text, in the region of its target, and only inside
| the scope the report host sets for the run.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(`
      CREATE VIEW report_complaints AS
      SELECT id, number, channel, target_type, complaint_type, kind, target_region_code,
             institution_id, order_id, stage, status, province_code, city_code, county_code,
             due_on, timely, escalations, review_requested, reopened, rating,
             created_at, accepted_at, closed_at
        FROM complaints
       WHERE current_setting('xiaowai.report_scope', true) IN
             ('000000', province_code, city_code, county_code, target_region_code)`)
  }

  override async down() {
    this.schema.raw('DROP VIEW report_complaints')
  }
}
