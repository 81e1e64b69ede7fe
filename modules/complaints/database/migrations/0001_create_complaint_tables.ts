import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Real-name complaints and tip-offs (seeds/004 网上投诉; measures Art. 8, 16),
| their visible trail of steps, and attached evidence. The complainant's
| name and phone are sealed (Art. 19). `handler_*` is the lineage of the
| unit handling the case now, which is what a bureau's scope filters on.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('complaints', (table) => {
      table.bigIncrements('id')
      table.string('number', 24).notNullable().unique()
      table.string('channel', 8).notNullable().checkIn(['public', 'parent'])
      table.bigint('author_user_id').nullable()
      table.text('name_cipher').notNullable()
      table.string('name_masked', 64).notNullable()
      table.text('phone_cipher').notNullable()
      table.string('phone_index', 128).notNullable()
      table.string('phone_masked', 16).notNullable()
      /** Hash of the code a public complainant follows the case with. */
      table.string('tracking_hash', 128).nullable()
      table
        .string('target_type', 16)
        .notNullable()
        .checkIn(['institution', 'school', 'teacher', 'other'])
      table
        .string('complaint_type', 16)
        .notNullable()
        .checkIn(['unlicensed', 'enrolment', 'refund', 'service', 'safety', 'other'])
      table.string('kind', 12).notNullable().checkIn(['complaint', 'tip_off'])
      table.specificType('target_region_code', 'char(6)').notNullable()
      table.bigint('institution_id').nullable()
      table.string('target_name', 128).notNullable()
      table.text('content').notNullable()
      table.bigint('order_id').nullable()
      table.string('stage', 12).notNullable().checkIn(['institution', 'bureau'])
      table
        .string('status', 16)
        .notNullable()
        .checkIn([
          'with_institution',
          'responded',
          'submitted',
          'accepted',
          'replied',
          'closed',
          'withdrawn',
        ])
      table.specificType('handler_region_code', 'char(6)').notNullable()
      table.specificType('handler_province_code', 'char(6)').nullable()
      table.specificType('handler_city_code', 'char(6)').nullable()
      table.specificType('handler_county_code', 'char(6)').nullable()
      /** Lineage of the target region, for statistics by where the problem is. */
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.date('due_on').nullable()
      table.date('reminded_for').nullable()
      table.boolean('timely').notNullable().defaultTo(true)
      table.integer('escalations').notNullable().defaultTo(0)
      table.text('institution_response').nullable()
      table.text('reply').nullable()
      table
        .string('outcome', 16)
        .nullable()
        .checkIn(['resolved', 'unresolved', 'not_accepted', 'withdrawn'])
      table.boolean('review_requested').notNullable().defaultTo(false)
      table.boolean('reopened').notNullable().defaultTo(false)
      table.smallint('rating').nullable()
      table.string('rating_comment', 500).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.timestamp('accepted_at', { useTz: true }).nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.index(['handler_province_code', 'status'])
      table.index(['handler_city_code', 'status'])
      table.index(['handler_county_code', 'status'])
      table.index(['institution_id', 'status'])
      table.index(['author_user_id'])
      table.index(['status', 'due_on'])
      table.check('rating between 1 and 5', [], 'complaints_rating_range')
    })

    this.schema.createTable('complaint_steps', (table) => {
      table.bigIncrements('id')
      table
        .bigint('complaint_id')
        .notNullable()
        .references('id')
        .inTable('complaints')
        .onDelete('cascade')
      table.string('action', 24).notNullable()
      table
        .string('actor_kind', 12)
        .notNullable()
        .checkIn(['complainant', 'institution', 'bureau', 'system'])
      table.bigint('actor_user_id').nullable()
      /** The handling unit as shown on the timeline: "长春市朝阳区教育局", an institution's name. */
      table.string('unit_name', 128).notNullable()
      table.text('note').nullable()
      table.date('due_on').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['complaint_id', 'id'])
    })

    this.schema.createTable('complaint_attachments', (table) => {
      table.bigIncrements('id')
      table
        .bigint('complaint_id')
        .notNullable()
        .references('id')
        .inTable('complaints')
        .onDelete('cascade')
      table.string('storage_key', 255).notNullable()
      table.string('original_name', 255).notNullable()
      table.string('mime_type', 64).notNullable()
      table.integer('size_bytes').notNullable()
      table.string('sha256', 64).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['complaint_id'])
    })

    /* Reviews by customers: one per order, only after a class was consumed. */
    this.schema.createTable('reviews', (table) => {
      table.bigIncrements('id')
      table.bigint('order_id').notNullable().unique()
      table.bigint('author_user_id').notNullable()
      table.string('author_masked', 64).notNullable()
      table.bigint('institution_id').notNullable()
      table.bigint('course_id').notNullable()
      table.specificType('province_code', 'char(6)').notNullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.smallint('rating').notNullable()
      table.text('body').notNullable()
      table.text('reply').nullable()
      table.timestamp('replied_at', { useTz: true }).nullable()
      table.timestamp('hidden_at', { useTz: true }).nullable()
      table.string('hidden_reason', 255).nullable()
      table.bigint('hidden_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['institution_id', 'hidden_at'])
      table.index(['course_id'])
      table.check('rating between 1 and 5', [], 'reviews_rating_range')
    })
  }

  override async down() {
    this.schema.dropTable('reviews')
    this.schema.dropTable('complaint_attachments')
    this.schema.dropTable('complaint_steps')
    this.schema.dropTable('complaints')
  }
}
