import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The handset's delivery report beside the provider's acceptance: status
| 'sent' says the provider took the text, `delivery_status` what the
| carrier then reported ('delivered' or 'undelivered', null while nobody
| knows), with the receipt's time and code. The database refuses a report
| on a text that was never sent, and a delivery time without a delivery.
| The partial index is the pull job's work list: sent texts still without
| a report, by send time.
*/
export default class extends BaseSchema {
  protected tableName = 'message_deliveries'

  override async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('delivery_status', 16)
      table.timestamp('delivered_at', { useTz: true })
      table.string('delivery_code', 100)
    })
    this.schema.raw(`ALTER TABLE message_deliveries
      ADD CONSTRAINT message_deliveries_delivery_status
        CHECK (delivery_status IN ('delivered', 'undelivered')),
      ADD CONSTRAINT message_deliveries_report_after_send
        CHECK (delivery_status IS NULL OR status = 'sent'),
      ADD CONSTRAINT message_deliveries_delivered_at
        CHECK ((delivery_status IS NOT DISTINCT FROM 'delivered') = (delivered_at IS NOT NULL))`)
    this.schema.raw(`CREATE INDEX message_deliveries_awaiting_report
      ON message_deliveries (sent_at, id)
      WHERE status = 'sent' AND delivery_status IS NULL`)
    this.schema.raw(`CREATE INDEX message_deliveries_provider_message
      ON message_deliveries (provider, provider_message_id)
      WHERE status = 'sent' AND delivery_status IS NULL`)
  }

  override async down() {
    this.schema.raw('DROP INDEX IF EXISTS message_deliveries_provider_message')
    this.schema.raw('DROP INDEX IF EXISTS message_deliveries_awaiting_report')
    this.schema.alterTable(this.tableName, (table) => {
      table.dropChecks([
        'message_deliveries_delivered_at',
        'message_deliveries_report_after_send',
        'message_deliveries_delivery_status',
      ])
      table.dropColumns('delivery_status', 'delivered_at', 'delivery_code')
    })
  }
}
