import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Inspections and the rectification ledger (2018 manual: 排查、整改台账、
| 验收、销号). A finding that needs rectification stays open until the
| bureau records its acceptance opinion and closes it.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('inspections', (table) => {
      table.bigIncrements('id')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.date('planned_on').notNullable()
      table.string('purpose', 255).notNullable()
      table.string('status', 16).notNullable().defaultTo('planned').checkIn(['planned', 'recorded'])
      table.bigint('planned_by_id').nullable()
      table.string('planned_by_unit', 128).nullable()
      table.timestamp('recorded_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['county_code', 'planned_on'])
      table.index(['city_code', 'planned_on'])
      table.index(['province_code', 'planned_on'])
      table.index(['institution_id'])
    })

    this.schema.createTable('inspection_findings', (table) => {
      table.bigIncrements('id')
      table
        .bigint('inspection_id')
        .notNullable()
        .references('id')
        .inTable('inspections')
        .onDelete('CASCADE')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.string('item', 32).notNullable()
      table.string('severity', 16).notNullable().checkIn(['minor', 'serious'])
      table.string('description', 1000).notNullable()
      /* open -> reported (the institution says it is fixed) -> closed (验收通过，销号); a failed acceptance reopens it. */
      table
        .string('status', 16)
        .notNullable()
        .defaultTo('open')
        .checkIn(['open', 'reported', 'closed'])
      table.date('deadline').notNullable()
      table.string('rectification_report', 2000).nullable()
      table.bigint('report_document_id').nullable().references('id').inTable('registry_documents')
      table.timestamp('reported_at', { useTz: true }).nullable()
      table.string('acceptance_opinion', 2000).nullable()
      table.bigint('accepted_by_id').nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['institution_id', 'status'])
      table.index(['county_code', 'status', 'deadline'])
      table.index(['city_code', 'status', 'deadline'])
      table.index(['province_code', 'status', 'deadline'])
    })
  }

  override async down() {
    this.schema.dropTable('inspection_findings')
    this.schema.dropTable('inspections')
  }
}
