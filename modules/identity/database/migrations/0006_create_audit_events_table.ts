import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Who did what, when and from where (Art. 19): sign-ins, account changes
| and every admin view of personal data. Rows are never updated; they are
| deleted only by the retention job, which must say so in its transaction.
*/
export default class extends BaseSchema {
  protected tableName = 'audit_events'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.timestamp('occurred_at', { useTz: true }).notNullable()
      table.bigint('actor_id').nullable()
      table.string('actor_role', 32).nullable()
      table.string('actor_label', 128).nullable()
      table.string('action', 64).notNullable()
      table.string('subject_type', 32).nullable()
      table.string('subject_id', 64).nullable()
      table.string('summary', 255).nullable()
      table.specificType('region_code', 'char(6)').nullable()
      table.specificType('province_code', 'char(6)').nullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.specificType('ip', 'inet').nullable()
      table.string('user_agent', 255).nullable()
      table.jsonb('details').nullable()
      table.index(['occurred_at'])
      table.index(['province_code', 'occurred_at'])
      table.index(['city_code', 'occurred_at'])
      table.index(['county_code', 'occurred_at'])
      table.index(['actor_id', 'occurred_at'])
    })
    this.schema.raw(`
      CREATE FUNCTION audit_events_guard() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'audit_events is append-only';
        END IF;
        IF coalesce(current_setting('xiaowai.audit_retention', true), '') <> 'on' THEN
          RAISE EXCEPTION 'audit_events rows are removed only by the retention job';
        END IF;
        RETURN OLD;
      END;
      $$ LANGUAGE plpgsql;

      CREATE TRIGGER audit_events_append_only
        BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_guard();
    `)
  }

  override async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP FUNCTION IF EXISTS audit_events_guard()')
  }
}
