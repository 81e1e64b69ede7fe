import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Staff and the admission check (教监管厅函〔2023〕9号): every prospective
| teaching, research or other staff member is checked against the
| prohibited-persons list before hiring and re-checked periodically.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('prohibited_persons', (table) => {
      table.bigIncrements('id')
      table.string('name', 64).notNullable()
      table.text('id_number_cipher').notNullable()
      table.string('id_number_index', 64).notNullable()
      table.string('id_number_masked', 24).notNullable()
      table
        .string('reason', 32)
        .notNullable()
        .checkIn(['sexual_offence', 'violence', 'drugs', 'other_crime', 'professional_ban'])
      table.string('source', 255).nullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.bigint('added_by_id').nullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['id_number_index'])
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX prohibited_persons_active ON prohibited_persons (id_number_index) WHERE revoked_at IS NULL`
    )

    this.schema.createTable('staff', (table) => {
      table.bigIncrements('id')
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table.string('name', 64).notNullable()
      table.text('id_number_cipher').notNullable()
      table.string('id_number_index', 64).notNullable()
      table.string('id_number_masked', 24).notNullable()
      table.string('role', 16).notNullable().checkIn(['teaching', 'research', 'other'])
      table.specificType('subjects', 'text[]').notNullable().defaultTo('{}')
      table.boolean('teaches_academic').notNullable().defaultTo(false)
      table.string('certificate_number', 64).nullable()
      table.bigint('photo_document_id').nullable().references('id').inTable('registry_documents')
      table.bigint('consent_document_id').nullable().references('id').inTable('registry_documents')
      table.bigint('id_document_id').nullable().references('id').inTable('registry_documents')
      table.bigint('no_crime_document_id').nullable().references('id').inTable('registry_documents')
      table.boolean('declares_not_serving_teacher').notNullable().defaultTo(false)
      table.string('status', 16).notNullable().checkIn(['hired', 'blocked', 'left'])
      table.string('check_result', 32).notNullable()
      table.timestamp('checked_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['institution_id', 'status'])
      table.index(['id_number_index'])
    })

    this.schema.createTable('staff_checks', (table) => {
      table.bigIncrements('id')
      table.bigint('staff_id').notNullable().references('id').inTable('staff').onDelete('CASCADE')
      table.string('result', 32).notNullable()
      table.string('trigger', 16).notNullable().checkIn(['hire', 'recheck'])
      table.timestamp('checked_at', { useTz: true }).notNullable()
      table.index(['staff_id', 'checked_at'])
    })
  }

  override async down() {
    this.schema.dropTable('staff_checks')
    this.schema.dropTable('staff')
    this.schema.dropTable('prohibited_persons')
  }
}
