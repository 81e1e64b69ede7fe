import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| No seat hoarding (issue 13, item 13). A signed contract holds its seat
| until `seat_held_until` (signing + the unpaid-order window, extended by
| the funds module while an order is payable; NULL once the parent is
| committed: paid, or chose to pay after each class). A contract still
| unpaid when its hold runs out is terminated with `lapsed_at` set, so the
| seat (and the student's place in the one-contract-per-student index)
| is free again. Rows signed before this migration keep NULL: they hold.
| Both columns may change on a frozen contract, like its status.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.alterTable('contracts', (table) => {
      table.timestamp('seat_held_until', { useTz: true }).nullable()
      table.timestamp('lapsed_at', { useTz: true }).nullable()
    })
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION contracts_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'signed contract % cannot be deleted', OLD.number USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF (to_jsonb(NEW) - 'status' - 'updated_at' - 'seat_held_until' - 'lapsed_at') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at' - 'seat_held_until' - 'lapsed_at') THEN
          RAISE EXCEPTION 'signed contract % is frozen; only its status may change', OLD.number USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`)
  }

  override async down() {
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION contracts_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'signed contract % cannot be deleted', OLD.number USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF (to_jsonb(NEW) - 'status' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at') THEN
          RAISE EXCEPTION 'signed contract % is frozen; only its status may change', OLD.number USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`)
    this.schema.alterTable('contracts', (table) => {
      table.dropColumn('lapsed_at')
      table.dropColumn('seat_held_until')
    })
  }
}
