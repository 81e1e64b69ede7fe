import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| catalog's report view for plugin reports (issue 14 item 9): one row a
| course version, in the report's scope through registry's own report
| view (a course is where its institution is).
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(`
      CREATE VIEW report_courses AS
      SELECT c.id, c.institution_id, c.name, c.kind, c.subject, c.category, c.grades,
             c.stages, c.delivery, c.live, c.capacity, c.min_class_size, c.start_date,
             c.end_date, c.minutes_per_class, c.class_count, c.price_per_class_fen,
             c.classes_per_charge, c.pay_after_class, c.status, c.version,
             c.submitted_at, c.listed_at, c.created_at,
             i.region_code, i.province_code, i.city_code, i.county_code
        FROM courses c
        JOIN report_institutions i ON i.id = c.institution_id`)
  }

  override async down() {
    this.schema.raw('DROP VIEW report_courses')
  }
}
