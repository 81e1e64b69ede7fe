import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Children's profiles (issue 17): each child once, whoever signs for them.
| The ID number is sealed (cipher, keyed blind index, masked form); the
| blind index is unique, so one ID is never two children. Sex and birth
| date come from the ID. The school is one of the register's (school_id)
| or, for a school not in it, a name the guardian typed: exactly one of the
| two. The grade is the one the child is in during `grade_year` (the
| school year starting that September); later years move it up. The
| student-record check (学籍) keeps its last answer and when to ask again.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('children', (table) => {
      table.bigIncrements('id')
      table.string('name', 64).notNullable()
      table.text('id_number_cipher').notNullable()
      table.string('id_number_index', 128).notNullable().unique()
      table.string('id_number_masked', 32).notNullable()
      table.enum('sex', ['male', 'female']).notNullable()
      table.date('birth_date').notNullable()
      /* The county the guardian chose the school in, with its lineage. */
      table.specificType('county_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.bigInteger('school_id').nullable().references('id').inTable('schools')
      table.string('school_name', 100).nullable()
      table.string('grade', 2).notNullable()
      table.integer('grade_year').notNullable()
      table
        .enum('record_status', ['pending', 'found', 'not_found', 'mismatch', 'not_offered'])
        .notNullable()
        .defaultTo('pending')
      table.jsonb('record_differences').nullable()
      table.timestamp('record_checked_at', { useTz: true }).nullable()
      table.integer('record_attempts').notNullable().defaultTo(0)
      table.timestamp('record_next_check_at', { useTz: true }).nullable()
      table.bigInteger('created_by_user_id').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['record_next_check_at'])
    })
    this.schema.raw(`ALTER TABLE children ADD CONSTRAINT children_one_school
      CHECK ((school_id IS NULL) <> (school_name IS NULL))`)
    this.schema.raw(`ALTER TABLE children ADD CONSTRAINT children_grade_known
      CHECK (grade IN ('k1','k2','k3','p1','p2','p3','p4','p5','p6','j1','j2','j3','s1','s2','s3'))`)
  }

  override async down() {
    this.schema.dropTable('children')
  }
}
