import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Orders (one per charge of a signed contract), payments through a channel,
| classes consumed and refunds. The order's running totals are a cache of
| its ledger entries, kept in the same transaction; the CHECK below makes
| it impossible, even for racing requests, to release or refund more than
| was paid.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('orders', (table) => {
      table.bigIncrements('id')
      table.string('number', 32).notNullable().unique()
      table
        .bigint('contract_id')
        .notNullable()
        .references('id')
        .inTable('contracts')
        .onDelete('RESTRICT')
      table.bigint('course_id').notNullable()
      table.bigint('institution_id').notNullable()
      table.bigint('parent_user_id').notNullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.string('mode', 16).notNullable().checkIn(['prepaid', 'pay_later'])
      table.integer('charge_no').notNullable()
      table.integer('first_class').notNullable()
      table.integer('class_count').notNullable()
      table.bigint('price_per_class_fen').notNullable()
      table.bigint('amount_fen').notNullable()
      table
        .string('status', 16)
        .notNullable()
        .checkIn([
          'awaiting_payment',
          'paid',
          'in_progress',
          'completed',
          'refunding',
          'refunded',
          'cancelled',
        ])
      table.string('provider', 32).notNullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.timestamp('paid_at', { useTz: true }).nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.bigint('paid_fen').notNullable().defaultTo(0)
      table.bigint('released_fen').notNullable().defaultTo(0)
      table.bigint('refunding_fen').notNullable().defaultTo(0)
      table.bigint('refunded_fen').notNullable().defaultTo(0)
      table.integer('classes_consumed').notNullable().defaultTo(0)
      table.integer('classes_refunded').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['contract_id', 'charge_no'])
      table.index(['parent_user_id', 'created_at'])
      table.index(['institution_id', 'created_at'])
      table.index(['county_code', 'status'])
      table.index(['city_code', 'status'])
      table.index(['province_code', 'status'])
      table.index(['status', 'expires_at'])
      table.check(
        'amount_fen > 0 AND class_count > 0 AND price_per_class_fen >= 0',
        [],
        'orders_amounts_positive'
      )
      table.check(
        'paid_fen >= 0 AND released_fen >= 0 AND refunding_fen >= 0 AND refunded_fen >= 0',
        [],
        'orders_totals_not_negative'
      )
      table.check(
        `mode = 'pay_later' OR released_fen + refunding_fen + refunded_fen <= paid_fen`,
        [],
        'orders_never_pay_out_more_than_paid'
      )
      table.check('paid_fen <= amount_fen', [], 'orders_never_collect_more_than_the_charge')
      table.check(
        'classes_consumed + classes_refunded <= class_count',
        [],
        'orders_classes_within_the_charge'
      )
    })

    this.schema.createTable('payments', (table) => {
      table.bigIncrements('id')
      table.string('number', 40).notNullable().unique()
      table.bigint('order_id').notNullable().references('id').inTable('orders')
      table.bigint('consumption_id').nullable()
      table.string('provider', 32).notNullable()
      table.bigint('amount_fen').notNullable()
      table.string('status', 16).notNullable().checkIn(['pending', 'succeeded', 'failed', 'closed'])
      table.string('provider_txn_id', 64).nullable()
      table.string('pay_url', 500).nullable()
      table.timestamp('succeeded_at', { useTz: true }).nullable()
      /* The bank's credit movement that brought this money into the supervised account. */
      table.bigint('settled_movement_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['provider', 'provider_txn_id'])
      table.index(['order_id'])
      table.check('amount_fen > 0', [], 'payments_amount_positive')
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX payments_one_pending_per_order ON payments (order_id) WHERE status = 'pending' AND consumption_id IS NULL`
    )
    this.schema.raw(
      `CREATE INDEX payments_unsettled ON payments (succeeded_at) WHERE status = 'succeeded' AND settled_movement_id IS NULL AND consumption_id IS NULL`
    )

    /* Every callback a channel sends, verified or not, with what became of it. */
    this.schema.createTable('channel_notices', (table) => {
      table.bigIncrements('id')
      table.string('provider', 32).notNullable()
      table.string('kind', 16).nullable()
      table.string('notice_id', 64).nullable()
      table.text('body').notNullable()
      table.string('outcome', 16).notNullable().checkIn(['applied', 'duplicate', 'rejected'])
      table.string('reason', 255).nullable()
      table.string('remote_ip', 64).nullable()
      table.timestamp('received_at', { useTz: true }).notNullable()
      table.index(['received_at'])
      table.index(['outcome', 'received_at'])
    })

    this.schema.createTable('consumptions', (table) => {
      table.bigIncrements('id')
      table.bigint('order_id').notNullable().references('id').inTable('orders')
      table.bigint('contract_id').notNullable()
      table.bigint('institution_id').notNullable()
      table.integer('class_no').notNullable()
      table.date('held_on').notNullable()
      table.bigint('fee_fen').notNullable()
      table
        .string('status', 16)
        .notNullable()
        .checkIn(['pending', 'confirmed', 'auto_confirmed', 'disputed'])
      table.date('confirm_due_on').notNullable()
      table.string('dispute_reason', 500).nullable()
      /* Null when the institution's own system reported the class (Art. 7: system access). */
      table.bigint('recorded_by').nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.timestamp('released_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['contract_id', 'class_no'])
      table.index(['order_id'])
      table.index(['institution_id', 'created_at'])
    })
    this.schema.raw(
      `CREATE INDEX consumptions_awaiting ON consumptions (confirm_due_on) WHERE status = 'pending'`
    )

    this.schema.createTable('refunds', (table) => {
      table.bigIncrements('id')
      table.string('number', 40).notNullable().unique()
      table.bigint('order_id').notNullable().references('id').inTable('orders')
      table.bigint('parent_user_id').notNullable()
      table.bigint('institution_id').notNullable()
      table.integer('class_count').notNullable()
      table.bigint('amount_fen').notNullable()
      table.string('reason', 500).notNullable()
      table
        .string('status', 16)
        .notNullable()
        .checkIn([
          'requested',
          'approved',
          'declined',
          'refunding',
          'refunded',
          'failed',
          'withdrawn',
        ])
      table
        .string('approved_by', 16)
        .nullable()
        .checkIn(['institution', 'deadline', 'before_start', 'bureau'])
      table.string('decision_reason', 500).nullable()
      table.date('answer_due_on').notNullable()
      table.bigint('decided_by').nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.timestamp('refunded_at', { useTz: true }).nullable()
      table.string('failure_reason', 255).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['order_id'])
      table.index(['institution_id', 'status'])
      table.check('amount_fen > 0 AND class_count > 0', [], 'refunds_amount_positive')
    })
    /* One refund in flight per order: a second request, even a racing one, is refused. */
    this.schema.raw(
      `CREATE UNIQUE INDEX refunds_one_open_per_order ON refunds (order_id) WHERE status IN ('requested', 'approved', 'refunding')`
    )
    this.schema.raw(
      `CREATE INDEX refunds_awaiting_answer ON refunds (answer_due_on) WHERE status = 'requested'`
    )
  }

  override async down() {
    this.schema.raw(
      'DROP TABLE IF EXISTS refunds, consumptions, channel_notices, payments, orders CASCADE'
    )
  }
}
