import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| A supervised account is a record with a history: when the bureau
| approves a new supervising bank, account number or escrow model, the old
| record is closed (kept, with when and by which change) and a new one is
| opened. At most one record per institution is open, and an open account
| number belongs to one institution at its bank.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.alterTable('supervised_accounts', (table) => {
      table.string('status', 8).notNullable().defaultTo('open').checkIn(['open', 'closed'])
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.bigint('replaced_by_id').nullable().references('id').inTable('supervised_accounts')
      table.bigint('change_request_id').nullable()
      table.dropUnique(['institution_id'])
      table.dropUnique(['bank_id', 'account_number'])
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX supervised_accounts_one_open ON supervised_accounts (institution_id) WHERE status = 'open'`
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX supervised_accounts_open_number ON supervised_accounts (bank_id, account_number) WHERE status = 'open'`
    )
    this.schema.raw(
      `CREATE INDEX supervised_accounts_institution ON supervised_accounts (institution_id, id)`
    )
    this.schema.raw(
      `ALTER TABLE supervised_accounts ADD CONSTRAINT supervised_accounts_closed_when CHECK ((status = 'closed') = (closed_at IS NOT NULL))`
    )
  }

  override async down() {
    this.schema.raw(
      'DROP INDEX IF EXISTS supervised_accounts_one_open, supervised_accounts_open_number, supervised_accounts_institution'
    )
    this.schema.raw(
      'ALTER TABLE supervised_accounts DROP CONSTRAINT IF EXISTS supervised_accounts_closed_when'
    )
    this.schema.alterTable('supervised_accounts', (table) => {
      table.dropColumns('status', 'closed_at', 'replaced_by_id', 'change_request_id')
      table.unique(['institution_id'])
      table.unique(['bank_id', 'account_number'])
    })
  }
}
