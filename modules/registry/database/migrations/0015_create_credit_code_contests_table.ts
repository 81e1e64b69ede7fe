import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| A credit code is claimed by the first draft that saves it (the unique
| index on institutions). When somebody else's draft holds the code of a
| real institution (review finding 5), its owner contests the claim and the
| bureau of the region the holding draft names decides: upheld, the code
| is released from that draft, which may never claim it again.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('credit_code_contests', (table) => {
      table.bigIncrements('id')
      table.string('credit_code', 18).notNullable()
      table
        .bigint('institution_id')
        .notNullable()
        .references('id')
        .inTable('institutions')
        .onDelete('CASCADE')
      table.specificType('region_code', 'char(6)').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.bigint('claimant_user_id').notNullable()
      table.string('claimant_unit', 128).notNullable()
      table.string('statement', 1000).notNullable()
      table
        .string('status', 16)
        .notNullable()
        .defaultTo('pending')
        .checkIn(['pending', 'upheld', 'dismissed'])
      table.bigint('decided_by_id').nullable()
      table.string('decision_comment', 1000).nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['region_code', 'status'])
      table.index(['institution_id', 'credit_code', 'status'])
    })
    /* One open contest per claimant and code: a second click is the same contest. */
    this.schema.raw(
      `CREATE UNIQUE INDEX credit_code_contests_one_pending ON credit_code_contests (credit_code, claimant_user_id) WHERE status = 'pending'`
    )
  }

  override async down() {
    this.schema.dropTable('credit_code_contests')
  }
}
