import { BaseSchema } from '@adonisjs/lucid/schema'

/* The lapse sweep (holds that ran out) and the per-parent cap (holds still running) read only unpaid signed contracts. */
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(
      `CREATE INDEX contracts_seat_holds ON contracts (seat_held_until) WHERE status = 'signed' AND seat_held_until IS NOT NULL`
    )
    this.schema.raw(
      `CREATE INDEX contracts_unpaid_by_parent ON contracts (parent_user_id) WHERE status = 'signed' AND seat_held_until IS NOT NULL`
    )
  }

  override async down() {
    this.schema.raw('DROP INDEX IF EXISTS contracts_unpaid_by_parent')
    this.schema.raw('DROP INDEX IF EXISTS contracts_seat_holds')
  }
}
