import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| When the bureau approves a new supervised account, the money the old one
| holds for the students moves by a `transfer` instruction that the old
| account's bank executes (its debit names the instruction) and the new
| account's bank confirms (its credit names it too). A transfer belongs to
| no order. A payment that still lands in a closed account is forwarded by
| a transfer of its own (`forwards_movement_id`), once. A payment return
| the channel refuses is an anomaly of its own kind.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(
      `ALTER TABLE bank_instructions DROP CONSTRAINT IF EXISTS bank_instructions_kind_check`
    )
    this.schema.raw(
      `ALTER TABLE bank_instructions ADD CONSTRAINT bank_instructions_kind_check CHECK (kind IN ('release', 'refund', 'transfer'))`
    )
    this.schema.alterTable('bank_instructions', (table) => {
      table.setNullable('order_id')
      table.bigint('target_account_id').nullable().references('id').inTable('supervised_accounts')
      table.bigint('credited_movement_id').nullable().references('id').inTable('bank_movements')
      table.bigint('forwards_movement_id').nullable().references('id').inTable('bank_movements')
    })
    this.schema.raw(
      `ALTER TABLE bank_instructions ADD CONSTRAINT bank_instructions_transfer_shape CHECK (
         (kind = 'transfer' AND target_account_id IS NOT NULL AND target_account_id <> supervised_account_id AND order_id IS NULL)
         OR (kind <> 'transfer' AND target_account_id IS NULL AND order_id IS NOT NULL AND forwards_movement_id IS NULL AND credited_movement_id IS NULL))`
    )
    /* One opening transfer per change and one forward per stray payment, whatever retries or races deliver; a re-issue replaces a rejected one. */
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_opening_transfer ON bank_instructions (target_account_id) WHERE kind = 'transfer' AND forwards_movement_id IS NULL AND reissues_id IS NULL`
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_forward ON bank_instructions (forwards_movement_id) WHERE forwards_movement_id IS NOT NULL AND reissues_id IS NULL`
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_credited_once ON bank_instructions (credited_movement_id) WHERE credited_movement_id IS NOT NULL`
    )
    this.schema.raw(
      `ALTER TABLE fund_anomalies DROP CONSTRAINT IF EXISTS fund_anomalies_kind_check`
    )
    this.schema.raw(
      `ALTER TABLE fund_anomalies ADD CONSTRAINT fund_anomalies_kind_check CHECK (kind IN ('balance_mismatch', 'unmatched_debit', 'under_covered', 'payment_not_settled', 'instruction_rejected', 'attendance_burst', 'refund_failed_executed', 'transfer_overdue', 'payment_return_failed'))`
    )
  }

  override async down() {
    this.schema.raw(
      `DELETE FROM fund_anomalies WHERE kind IN ('transfer_overdue', 'payment_return_failed')`
    )
    this.schema.raw(
      `ALTER TABLE fund_anomalies DROP CONSTRAINT IF EXISTS fund_anomalies_kind_check`
    )
    this.schema.raw(
      `ALTER TABLE fund_anomalies ADD CONSTRAINT fund_anomalies_kind_check CHECK (kind IN ('balance_mismatch', 'unmatched_debit', 'under_covered', 'payment_not_settled', 'instruction_rejected', 'attendance_burst', 'refund_failed_executed'))`
    )
    this.schema.raw(
      'DROP INDEX IF EXISTS bank_instructions_one_opening_transfer, bank_instructions_one_forward, bank_instructions_credited_once'
    )
    this.schema.raw(
      `ALTER TABLE bank_instructions DROP CONSTRAINT IF EXISTS bank_instructions_transfer_shape`
    )
    this.schema.raw(`DELETE FROM bank_instructions WHERE kind = 'transfer'`)
    this.schema.alterTable('bank_instructions', (table) => {
      table.dropColumns('target_account_id', 'credited_movement_id', 'forwards_movement_id')
      table.dropNullable('order_id')
    })
    this.schema.raw(
      `ALTER TABLE bank_instructions DROP CONSTRAINT IF EXISTS bank_instructions_kind_check`
    )
    this.schema.raw(
      `ALTER TABLE bank_instructions ADD CONSTRAINT bank_instructions_kind_check CHECK (kind IN ('release', 'refund'))`
    )
  }
}
