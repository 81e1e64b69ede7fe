import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The standard contract (GF-2021-2604 model): its template versions and
| the contracts parents sign. A signed contract is frozen: a trigger
| refuses any change to what was signed and any delete; only its status
| moves on (paid, completed, terminated) as the funds module records.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('contract_templates', (table) => {
      table.bigIncrements('id')
      table.string('code', 32).notNullable()
      table.integer('version').notNullable()
      table.string('title', 128).notNullable()
      table.jsonb('body').notNullable()
      table.string('body_sha256', 64).notNullable()
      table.string('change_note', 500).nullable()
      table.timestamp('published_at', { useTz: true }).notNullable()
      table.unique(['code', 'version'])
    })

    this.schema.createTable('contracts', (table) => {
      table.bigIncrements('id')
      table.string('number', 32).notNullable().unique()
      table
        .bigint('template_id')
        .notNullable()
        .references('id')
        .inTable('contract_templates')
        .onDelete('RESTRICT')
      table.integer('template_version').notNullable()
      table
        .bigint('course_id')
        .notNullable()
        .references('id')
        .inTable('courses')
        .onDelete('RESTRICT')
      table.integer('course_version').notNullable()
      table.bigint('institution_id').notNullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.bigint('parent_user_id').notNullable()
      table.string('student_name', 64).notNullable()
      table.text('student_id_cipher').notNullable()
      table.string('student_id_index', 128).notNullable()
      table.string('student_id_masked', 32).notNullable()
      table.string('student_school', 128).notNullable()
      table.string('student_grade', 8).notNullable()
      table.string('guardian_name', 64).notNullable()
      table.string('guardian_relation', 16).notNullable()
      table.bigint('total_fen').notNullable()
      table.bigint('per_charge_fen').notNullable()
      table.integer('class_count').notNullable()
      table.jsonb('content').notNullable()
      table.string('content_sha256', 64).notNullable()
      table.string('pdf_key', 255).notNullable()
      table.string('pdf_sha256', 64).notNullable()
      table.string('sign_method', 16).notNullable().checkIn(['password'])
      table.string('signer_ip', 64).nullable()
      table.timestamp('signed_at', { useTz: true }).notNullable()
      table
        .string('status', 16)
        .notNullable()
        .defaultTo('signed')
        .checkIn(['signed', 'active', 'completed', 'terminated'])
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['parent_user_id', 'signed_at'])
      table.index(['institution_id', 'signed_at'])
      table.index(['county_code', 'signed_at'])
      table.index(['city_code', 'signed_at'])
      table.index(['province_code', 'signed_at'])
      table.index(['course_id'])
    })
    /* One contract per student and course: a second signature is refused even in a race. */
    this.schema.raw(
      `CREATE UNIQUE INDEX contracts_one_per_student ON contracts (course_id, student_id_index) WHERE status <> 'terminated'`
    )

    this.schema.raw(`
      CREATE FUNCTION contracts_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'signed contract % cannot be deleted', OLD.number USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF (to_jsonb(NEW) - 'status' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at') THEN
          RAISE EXCEPTION 'signed contract % is frozen; only its status may change', OLD.number USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`)
    this.schema.raw(
      `CREATE TRIGGER contracts_frozen BEFORE UPDATE OR DELETE ON contracts FOR EACH ROW EXECUTE FUNCTION contracts_frozen()`
    )
    this.schema.raw(`
      CREATE FUNCTION contract_templates_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'published contract template % v% cannot change; publish a new version', OLD.code, OLD.version USING ERRCODE = 'integrity_constraint_violation';
      END $$`)
    this.schema.raw(
      `CREATE TRIGGER contract_templates_frozen BEFORE UPDATE OR DELETE ON contract_templates FOR EACH ROW EXECUTE FUNCTION contract_templates_frozen()`
    )
  }

  override async down() {
    this.schema.raw('DROP TABLE IF EXISTS contracts')
    this.schema.raw('DROP FUNCTION IF EXISTS contracts_frozen()')
    this.schema.raw('DROP TABLE IF EXISTS contract_templates')
    this.schema.raw('DROP FUNCTION IF EXISTS contract_templates_frozen()')
  }
}
