import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| A payment the platform must not apply (a late callback for a lapsed order
| whose classes another order now covers, a second payment of a class
| already paid) is returned to the payer through the channel: `returned`
| payments and the `payment_returns` that trace each one. One class has at
| most one open and one succeeded payment, so thirty taps on "pay this
| class" open one cashier and a class is never booked twice.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(`ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_status_check`)
    this.schema.raw(
      `ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('pending', 'succeeded', 'failed', 'closed', 'returned'))`
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX payments_one_pending_per_class ON payments (consumption_id) WHERE status = 'pending' AND consumption_id IS NOT NULL`
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX payments_one_paid_per_class ON payments (consumption_id) WHERE status = 'succeeded' AND consumption_id IS NOT NULL`
    )

    this.schema.createTable('payment_returns', (table) => {
      table.bigIncrements('id')
      table.string('number', 40).notNullable().unique()
      /* One return per payment: a repeated callback never sends the money back twice. */
      table.bigint('payment_id').notNullable().unique().references('id').inTable('payments')
      table.bigint('order_id').notNullable()
      table.string('provider', 32).notNullable()
      table.bigint('amount_fen').notNullable()
      table.string('reason', 255).notNullable()
      table.string('status', 16).notNullable().checkIn(['returning', 'returned', 'failed'])
      table.string('failure_reason', 255).nullable()
      table.integer('send_attempts').notNullable().defaultTo(0)
      table.timestamp('next_send_at', { useTz: true }).nullable()
      table.timestamp('returned_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['order_id'])
      table.check('amount_fen > 0', [], 'payment_returns_amount_positive')
    })
    this.schema.raw(
      `CREATE INDEX payment_returns_to_send ON payment_returns (next_send_at) WHERE status = 'returning'`
    )
  }

  override async down() {
    this.schema.dropTable('payment_returns')
    this.schema.raw('DROP INDEX IF EXISTS payments_one_paid_per_class')
    this.schema.raw('DROP INDEX IF EXISTS payments_one_pending_per_class')
    this.schema.raw(`ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_status_check`)
    this.schema.raw(
      `ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('pending', 'succeeded', 'failed', 'closed'))`
    )
  }
}
