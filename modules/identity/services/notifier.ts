/*
| Outgoing messages (verification codes, one-time links). Every message is
| logged in `notifications` with its secrets masked; the channel then
| delivers the real text. The `outbox` channel is the development stand-in
| for an SMS gateway: it keeps what it delivered in `dev_sms_outbox` for
| /dev/outbox (never in production). A deployment adds its gateway as
| another channel.
*/
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import encryption from '@adonisjs/core/services/encryption'
import Notification from '../models/notification.js'
import DevSms from '../models/dev_sms.js'
import { maskPhone, normalizePhone } from '#kernel/shared/personal_data'

export interface OutgoingSms {
  phone: string
  subject: string
  body: string
  /**
   * The parts of the body that grant something (a code, a link token, a
   * tracking code). Required, so every caller decides: they reach the
   * channel only, and the log keeps the body with each one masked.
   */
  secrets: string[]
}

export interface NotificationChannel {
  deliverSms(message: Omit<OutgoingSms, 'secrets'>, record: Notification): Promise<void>
}

const channels: Record<string, NotificationChannel> = {
  outbox: {
    async deliverSms(message, record) {
      if (app.inProduction) return
      await DevSms.create({
        notificationId: record.id,
        recipientMasked: record.recipientMasked,
        subject: message.subject,
        body: message.body,
      })
    },
  },
}

export function registerNotificationChannel(name: string, channel: NotificationChannel) {
  channels[name] = channel
}

export const MASK = '******'

/** The body as the log stores it: every secret replaced, longest first so none leaks in part. */
export function maskedBody(body: string, secrets: string[]): string {
  return [...secrets]
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((text, secret) => text.split(secret).join(MASK), body)
}

export async function sendSms(message: OutgoingSms): Promise<void> {
  const phone = normalizePhone(message.phone)
  const channel = channels[env.get('NOTIFY_CHANNEL')]
  if (!channel) throw new Error(`No notification channel "${env.get('NOTIFY_CHANNEL')}"`)
  const record = await Notification.create({
    channel: 'sms',
    recipientCipher: encryption.encrypt(phone),
    recipientMasked: maskPhone(phone),
    subject: message.subject,
    body: maskedBody(message.body, message.secrets),
    status: 'sent',
  })
  await channel.deliverSms({ phone, subject: message.subject, body: message.body }, record)
}
