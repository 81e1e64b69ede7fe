import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The database refuses a class released beyond its fee, a class marked
| released whose fee is not all out, and two live instructions for the same
| part of a class's fee; the daily re-ask of the release schedule finds the
| classes with fees still held through a small partial index.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(
      `ALTER TABLE consumptions ADD CONSTRAINT consumptions_released_within_fee CHECK (released_fen >= 0 AND released_fen <= fee_fen)`
    )
    this.schema.raw(
      `ALTER TABLE consumptions ADD CONSTRAINT consumptions_released_means_all CHECK (released_at IS NULL OR released_fen = fee_fen)`
    )
    this.schema.raw(
      `CREATE INDEX consumptions_fee_held ON consumptions (order_id) WHERE status IN ('confirmed', 'auto_confirmed') AND released_at IS NULL`
    )
    this.schema.raw(
      `ALTER TABLE bank_instructions ADD CONSTRAINT bank_instructions_tranche_positive CHECK (tranche >= 1)`
    )
    this.schema.raw('DROP INDEX IF EXISTS bank_instructions_one_release_per_class')
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_release_per_class ON bank_instructions (consumption_id, tranche) WHERE consumption_id IS NOT NULL AND status IN ('sent', 'executed')`
    )
  }

  override async down() {
    this.schema.raw('DROP INDEX IF EXISTS bank_instructions_one_release_per_class')
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_release_per_class ON bank_instructions (consumption_id) WHERE consumption_id IS NOT NULL AND status IN ('sent', 'executed')`
    )
    this.schema.raw(
      'ALTER TABLE bank_instructions DROP CONSTRAINT IF EXISTS bank_instructions_tranche_positive'
    )
    this.schema.raw('DROP INDEX IF EXISTS consumptions_fee_held')
    this.schema.raw(
      'ALTER TABLE consumptions DROP CONSTRAINT IF EXISTS consumptions_released_means_all, DROP CONSTRAINT IF EXISTS consumptions_released_within_fee'
    )
  }
}
