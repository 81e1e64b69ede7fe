import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { maskPhone, phoneIndex } from '#kernel/shared/personal_data'
import type { SmsChannel } from './sms_channel.js'

/**
 * The development channel (NOTIFY_CHANNEL=outbox): keeps the whole text in
 * dev_texts for /dev/outbox and the tests to read, and sends nothing.
 * Start-up refuses it in production, where a code must reach a phone.
 */
export function createOutboxChannel(
  render: (kind: string, params: Record<string, string>) => string
) {
  return {
    name: 'outbox' as const,
    async send(request: Parameters<SmsChannel['send']>[0] & { kind: string; deliveryId: number }) {
      if (app.inProduction) throw new Error('The outbox channel never runs in production')
      const params = Object.fromEntries(request.params.map((p) => [p.name, p.value]))
      await db.table('dev_texts').insert({
        delivery_id: request.deliveryId,
        recipient_index: phoneIndex(request.phone),
        recipient_masked: maskPhone(request.phone),
        kind: request.kind,
        body: `【${request.signName}】${render(request.kind, params)}`,
      })
      return { ok: true as const, providerMessageId: `outbox-${request.deliveryId}` }
    },
  }
}
