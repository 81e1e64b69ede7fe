import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The double-entry ledger (Art. 14: every sale, refund and movement of
| supervised money on the platform's books, traceable). Money is integer
| fen. The database itself keeps the books honest, whatever the code does:
|  - a transaction whose entries do not sum to zero is refused at commit;
|  - entries and transactions are append-only (corrections are reversals);
|  - an account flagged non-negative (a supervised account, money being
|    released or refunded) can never be overdrawn;
|  - posting the same business event twice is refused by its idempotency key.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('ledger_accounts', (table) => {
      table.bigIncrements('id')
      table.string('code', 64).notNullable().unique()
      table
        .string('kind', 16)
        .notNullable()
        .checkIn(['channel', 'supervised', 'releasing', 'refunding', 'institution'])
      table.bigint('institution_id').nullable()
      table.bigint('balance_fen').notNullable().defaultTo(0)
      table.boolean('non_negative').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['institution_id'])
      table.check('NOT non_negative OR balance_fen >= 0', [], 'ledger_accounts_not_overdrawn')
    })

    this.schema.createTable('ledger_transactions', (table) => {
      table.bigIncrements('id')
      table
        .string('kind', 16)
        .notNullable()
        .checkIn([
          'payment',
          'release',
          'release_paid',
          'refund',
          'refund_paid',
          'refund_failed',
          'pay_later',
          'reversal',
        ])
      table.string('idempotency_key', 128).notNullable().unique()
      table.bigint('order_id').nullable()
      table.bigint('consumption_id').nullable()
      table.bigint('refund_id').nullable()
      table.bigint('payment_id').nullable()
      table.bigint('instruction_id').nullable()
      table.bigint('bank_movement_id').nullable()
      table.bigint('reverses_id').nullable().references('id').inTable('ledger_transactions')
      table.string('memo', 255).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['order_id'])
      table.index(['created_at'])
    })

    this.schema.createTable('ledger_entries', (table) => {
      table.bigIncrements('id')
      table.bigint('transaction_id').notNullable().references('id').inTable('ledger_transactions')
      table.bigint('account_id').notNullable().references('id').inTable('ledger_accounts')
      /* Positive: money arrives in the account; negative: it leaves. */
      table.bigint('amount_fen').notNullable()
      table.bigint('order_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['transaction_id'])
      table.index(['account_id', 'id'])
      table.index(['order_id'])
      table.check('amount_fen <> 0', [], 'ledger_entries_not_zero')
    })

    this.schema.raw(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: post a reversal instead', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
      END $$`)
    this.schema.raw(
      `CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`
    )
    this.schema.raw(
      `CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`
    )

    /* The running balance moves with each entry, under the account's row lock, so the non-negative check sees every concurrent posting. */
    this.schema.raw(`
      CREATE FUNCTION ledger_apply_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ledger_accounts SET balance_fen = balance_fen + NEW.amount_fen WHERE id = NEW.account_id;
        RETURN NEW;
      END $$`)
    this.schema.raw(
      `CREATE TRIGGER ledger_entries_apply AFTER INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_apply_entry()`
    )

    /* Checked at commit, when every entry of the transaction is in. */
    this.schema.raw(`
      CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        total bigint;
        lines int;
      BEGIN
        SELECT coalesce(sum(amount_fen), 0), count(*) INTO total, lines FROM ledger_entries WHERE transaction_id = NEW.id;
        IF lines < 2 OR total <> 0 THEN
          RAISE EXCEPTION 'ledger transaction % is unbalanced (% entries, sum % fen)', NEW.id, lines, total USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`)
    this.schema.raw(`
      CREATE CONSTRAINT TRIGGER ledger_transactions_balanced AFTER INSERT ON ledger_transactions
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced()`)
    this.schema.raw(`
      CREATE FUNCTION ledger_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT coalesce(sum(amount_fen), 0) FROM ledger_entries WHERE transaction_id = NEW.transaction_id) <> 0 THEN
          RAISE EXCEPTION 'ledger transaction % is unbalanced', NEW.transaction_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`)
    /* Entries added later to an already committed transaction would unbalance it: checked too. */
    this.schema.raw(`
      CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced()`)
  }

  override async down() {
    this.schema.raw(
      'DROP TABLE IF EXISTS ledger_entries, ledger_transactions, ledger_accounts CASCADE'
    )
    this.schema.raw(
      'DROP FUNCTION IF EXISTS ledger_append_only(), ledger_apply_entry(), ledger_check_balanced(), ledger_check_entry_balanced()'
    )
  }
}
