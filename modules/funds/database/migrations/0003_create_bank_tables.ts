import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Supervising banks (Art. 9), the supervised accounts they hold, the
| instructions the platform sends them (release a class fee, refund a
| parent), the account movements (动账) they report, and the anomalies
| reconciliation finds. API requests are kept by nonce so a replayed
| request is refused.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('banks', (table) => {
      table.bigIncrements('id')
      table.string('name', 128).notNullable().unique()
      table.specificType('region_code', 'char(6)').notNullable()
      table.string('api_key', 40).notNullable().unique()
      table.text('api_secret_cipher').notNullable()
      table.timestamp('secret_rotated_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('supervised_accounts', (table) => {
      table.bigIncrements('id')
      table.bigint('institution_id').notNullable().unique()
      table.bigint('bank_id').notNullable().references('id').inTable('banks')
      table.string('account_number', 40).notNullable()
      table.string('escrow_model', 16).notNullable().checkIn(['bank_custody', 'risk_deposit'])
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.bigint('reported_balance_fen').nullable()
      table.timestamp('reported_at', { useTz: true }).nullable()
      table.timestamp('reconciled_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['bank_id', 'account_number'])
      table.index(['county_code'])
      table.index(['city_code'])
      table.index(['province_code'])
    })

    this.schema.createTable('bank_instructions', (table) => {
      table.bigIncrements('id')
      table.string('number', 40).notNullable().unique()
      table.bigint('bank_id').notNullable().references('id').inTable('banks')
      table
        .bigint('supervised_account_id')
        .notNullable()
        .references('id')
        .inTable('supervised_accounts')
      table.string('kind', 16).notNullable().checkIn(['release', 'refund'])
      table.bigint('amount_fen').notNullable()
      table.bigint('order_id').notNullable()
      table.bigint('consumption_id').nullable()
      table.bigint('refund_id').nullable()
      table.string('status', 16).notNullable().checkIn(['sent', 'executed', 'rejected'])
      table.bigint('movement_id').nullable()
      table.string('reject_reason', 255).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('executed_at', { useTz: true }).nullable()
      table.index(['bank_id', 'status', 'id'])
      table.index(['supervised_account_id', 'status'])
      table.check('amount_fen > 0', [], 'bank_instructions_amount_positive')
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_release_per_class ON bank_instructions (consumption_id) WHERE consumption_id IS NOT NULL`
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_instructions_one_per_refund ON bank_instructions (refund_id) WHERE refund_id IS NOT NULL`
    )

    this.schema.createTable('bank_movements', (table) => {
      table.bigIncrements('id')
      table.bigint('bank_id').notNullable().references('id').inTable('banks')
      table
        .bigint('supervised_account_id')
        .notNullable()
        .references('id')
        .inTable('supervised_accounts')
      table.string('bank_txn_id', 64).notNullable()
      table.string('direction', 8).notNullable().checkIn(['credit', 'debit'])
      table.bigint('amount_fen').notNullable()
      table.bigint('balance_after_fen').notNullable()
      table.string('reference', 64).nullable()
      table.bigint('payment_id').nullable()
      table.bigint('instruction_id').nullable()
      table.timestamp('occurred_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['bank_id', 'bank_txn_id'])
      table.index(['supervised_account_id', 'occurred_at'])
      table.check('amount_fen > 0', [], 'bank_movements_amount_positive')
    })

    this.schema.createTable('bank_api_requests', (table) => {
      table.bigIncrements('id')
      table.bigint('bank_id').nullable()
      table.string('nonce', 64).nullable()
      table.string('method', 8).notNullable()
      table.string('path', 255).notNullable()
      table.string('outcome', 16).notNullable().checkIn(['accepted', 'rejected'])
      table.string('reason', 255).nullable()
      table.text('body').nullable()
      table.string('remote_ip', 64).nullable()
      table.timestamp('received_at', { useTz: true }).notNullable()
      table.index(['bank_id', 'received_at'])
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX bank_api_requests_nonce ON bank_api_requests (bank_id, nonce) WHERE outcome = 'accepted'`
    )

    this.schema.createTable('fund_anomalies', (table) => {
      table.bigIncrements('id')
      table
        .bigint('supervised_account_id')
        .notNullable()
        .references('id')
        .inTable('supervised_accounts')
      table.bigint('institution_id').notNullable()
      table.bigint('bank_id').notNullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table
        .string('kind', 24)
        .notNullable()
        .checkIn([
          'balance_mismatch',
          'unmatched_debit',
          'under_covered',
          'payment_not_settled',
          'instruction_rejected',
        ])
      table.string('severity', 8).notNullable().checkIn(['yellow', 'red'])
      /* What the check saw, so a reviewer can follow it without re-running anything. */
      table.jsonb('evidence').notNullable()
      table.string('fingerprint', 128).notNullable()
      table.string('status', 8).notNullable().checkIn(['open', 'closed'])
      table.timestamp('detected_at', { useTz: true }).notNullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.bigint('closed_by').nullable()
      table.string('close_note', 500).nullable()
      table.index(['county_code', 'status'])
      table.index(['city_code', 'status'])
      table.index(['province_code', 'status'])
      table.index(['bank_id', 'status'])
    })
    /* Reconciliation runs again and again: an open anomaly is raised once. */
    this.schema.raw(
      `CREATE UNIQUE INDEX fund_anomalies_open_once ON fund_anomalies (fingerprint) WHERE status = 'open'`
    )
  }

  override async down() {
    this.schema.raw(
      'DROP TABLE IF EXISTS fund_anomalies, bank_api_requests, bank_movements, bank_instructions, supervised_accounts, banks CASCADE'
    )
  }
}
