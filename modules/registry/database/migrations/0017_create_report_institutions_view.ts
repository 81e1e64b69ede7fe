import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| registry's report view for plugin reports (issue 14 item 9): one row an
| institution, no personal data (no legal representative, no address), and
| only the rows inside the scope the report host sets for the run
| (`xiaowai.report_scope`, the admin's region). Outside a report run the
| setting is empty and the view returns nothing.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(`
      CREATE VIEW report_institutions AS
      SELECT id, name, credit_code, delivery, nature, categories, qualification_type,
             region_code, province_code, city_code, county_code,
             licence_valid_to, filing_status, approved_at, list_status, list_changed_at,
             removed_at IS NOT NULL AS removed, removed_at, created_at
        FROM institutions
       WHERE current_setting('xiaowai.report_scope', true) IN
             ('000000', province_code, city_code, county_code, region_code)`)
  }

  override async down() {
    this.schema.raw('DROP VIEW report_institutions')
  }
}
