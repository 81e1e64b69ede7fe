import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Training materials (培训材料, Art. 11) per course, and the bureaus' spot
| checks of them (001: 思想性、科学性、适宜性). A spot check draws a random
| sample, reproducible from its stored seed.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('course_materials', (table) => {
      table.bigIncrements('id')
      table
        .bigint('course_id')
        .notNullable()
        .references('id')
        .inTable('courses')
        .onDelete('RESTRICT')
      table.bigint('institution_id').notNullable()
      table.string('title', 128).notNullable()
      table.string('source', 16).notNullable().checkIn(['self_compiled', 'published'])
      table.string('publisher', 128).nullable()
      table.string('storage_key', 255).notNullable()
      table.string('original_name', 255).notNullable()
      table.string('mime_type', 64).notNullable()
      table.integer('size_bytes').notNullable()
      table.string('sha256', 64).notNullable()
      table
        .string('check_status', 16)
        .notNullable()
        .defaultTo('unchecked')
        .checkIn(['unchecked', 'passed', 'failed'])
      table.bigint('uploaded_by_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['course_id'])
      table.index(['institution_id', 'created_at'])
      table.index(['created_at'])
    })

    this.schema.createTable('spot_checks', (table) => {
      table.bigIncrements('id')
      table.specificType('region_code', 'char(6)').notNullable()
      table.date('period_from').notNullable()
      table.date('period_to').notNullable()
      table.integer('sample_size').notNullable()
      table.integer('population').notNullable()
      table.string('seed', 32).notNullable()
      table.string('status', 16).notNullable().defaultTo('open').checkIn(['open', 'completed'])
      table.bigint('created_by_id').notNullable()
      table.string('created_by_unit', 128).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('completed_at', { useTz: true }).nullable()
      table.index(['region_code', 'created_at'])
    })

    this.schema.createTable('spot_check_items', (table) => {
      table.bigIncrements('id')
      table
        .bigint('spot_check_id')
        .notNullable()
        .references('id')
        .inTable('spot_checks')
        .onDelete('CASCADE')
      table
        .bigint('material_id')
        .notNullable()
        .references('id')
        .inTable('course_materials')
        .onDelete('RESTRICT')
      table.bigint('institution_id').notNullable()
      table.string('ideology', 8).nullable().checkIn(['pass', 'fail'])
      table.string('science', 8).nullable().checkIn(['pass', 'fail'])
      table.string('age_fit', 8).nullable().checkIn(['pass', 'fail'])
      table.string('notes', 1000).nullable()
      table
        .string('result', 16)
        .notNullable()
        .defaultTo('pending')
        .checkIn(['pending', 'passed', 'failed'])
      table.bigint('reviewed_by_id').nullable()
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      /* The registry's rectification case a failed material opened. */
      table.bigint('finding_id').nullable()
      table.bigint('inspection_id').nullable()
      table.unique(['spot_check_id', 'material_id'])
      table.index(['material_id'])
    })
  }

  override async down() {
    this.schema.dropTable('spot_check_items')
    this.schema.dropTable('spot_checks')
    this.schema.dropTable('course_materials')
  }
}
