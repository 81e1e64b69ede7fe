import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Attendance tied to the timetable and ways out for stuck money:
|  - a class records the timetable slot it was held in; only such classes
|    are confirmed by the parent's silence;
|  - anomalies for a burst of attendance and for a refund that failed after
|    the bank had paid it out;
|  - a rejected instruction can be re-issued (a new instruction, the old one
|    marked `reissued`) or reversed (`reversed`); an instruction for a refund
|    the channel refused is `cancelled`; the one-per-class and one-per-refund
|    rules apply to live instructions only;
|  - the bureau's refund of a stopped institution may run beside a parent's
|    refund already in flight;
|  - refunds the channel has not taken are re-sent with a capped backoff.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.alterTable('consumptions', (table) => {
      table.timestamp('slot_starts_at', { useTz: true }).nullable()
    })
    this.schema.raw(
      `ALTER TABLE fund_anomalies DROP CONSTRAINT IF EXISTS fund_anomalies_kind_check`
    )
    this.schema.raw(
      `ALTER TABLE fund_anomalies ADD CONSTRAINT fund_anomalies_kind_check CHECK (kind IN ('balance_mismatch', 'unmatched_debit', 'under_covered', 'payment_not_settled', 'instruction_rejected', 'attendance_burst', 'refund_failed_executed'))`
    )
    this.schema.raw(
      `ALTER TABLE bank_instructions DROP CONSTRAINT IF EXISTS bank_instructions_status_check`
    )
    this.schema.raw(
      `ALTER TABLE bank_instructions ADD CONSTRAINT bank_instructions_status_check CHECK (status IN ('sent', 'executed', 'rejected', 'reissued', 'reversed', 'cancelled'))`
    )
    this.schema.alterTable('bank_instructions', (table) => {
      table.bigint('reissues_id').nullable()
      table.bigint('resolved_by').nullable()
      table.string('resolution_note', 500).nullable()
    })
    this.schema.raw('DROP INDEX IF EXISTS bank_instructions_one_release_per_class')
    this.schema.raw('DROP INDEX IF EXISTS bank_instructions_one_per_refund')
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_release_per_class ON bank_instructions (consumption_id) WHERE consumption_id IS NOT NULL AND status IN ('sent', 'executed')`
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_per_refund ON bank_instructions (refund_id) WHERE refund_id IS NOT NULL AND status IN ('sent', 'executed')`
    )
    this.schema.raw('DROP INDEX IF EXISTS refunds_one_open_per_order')
    this.schema.raw(
      `CREATE UNIQUE INDEX refunds_one_open_per_order ON refunds (order_id) WHERE status IN ('requested', 'approved', 'refunding') AND approved_by IS DISTINCT FROM 'bureau'`
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX refunds_one_bureau_per_order ON refunds (order_id) WHERE status IN ('requested', 'approved', 'refunding') AND approved_by = 'bureau'`
    )
    this.schema.alterTable('refunds', (table) => {
      table.integer('send_attempts').notNullable().defaultTo(0)
      table.timestamp('next_send_at', { useTz: true }).nullable()
    })
    this.schema.raw(
      `CREATE INDEX refunds_to_send ON refunds (next_send_at) WHERE status = 'refunding'`
    )
  }

  override async down() {
    this.schema.raw('DROP INDEX IF EXISTS refunds_to_send')
    this.schema.alterTable('refunds', (table) => {
      table.dropColumn('send_attempts')
      table.dropColumn('next_send_at')
    })
    this.schema.raw('DROP INDEX IF EXISTS refunds_one_bureau_per_order')
    this.schema.raw('DROP INDEX IF EXISTS refunds_one_open_per_order')
    this.schema.raw(
      `CREATE UNIQUE INDEX refunds_one_open_per_order ON refunds (order_id) WHERE status IN ('requested', 'approved', 'refunding')`
    )
    this.schema.raw('DROP INDEX IF EXISTS bank_instructions_one_per_refund')
    this.schema.raw('DROP INDEX IF EXISTS bank_instructions_one_release_per_class')
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_release_per_class ON bank_instructions (consumption_id) WHERE consumption_id IS NOT NULL`
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_per_refund ON bank_instructions (refund_id) WHERE refund_id IS NOT NULL`
    )
    this.schema.alterTable('bank_instructions', (table) => {
      table.dropColumn('reissues_id')
      table.dropColumn('resolved_by')
      table.dropColumn('resolution_note')
    })
    this.schema.alterTable('consumptions', (table) => {
      table.dropColumn('slot_starts_at')
    })
  }
}
