/*
| Outgoing messages (verification codes, one-time links). Every message is
| recorded in `notifications`; the channel then delivers it. The `outbox`
| channel delivers nothing further: developers and testers read messages
| on /dev/outbox. A deployment adds its SMS gateway as another channel.
*/
import env from '#start/env'
import encryption from '@adonisjs/core/services/encryption'
import Notification from '../models/notification.js'
import { maskPhone, normalizePhone } from '#kernel/shared/personal_data'

export interface OutgoingSms {
  phone: string
  subject: string
  body: string
}

export interface NotificationChannel {
  deliverSms(message: OutgoingSms, record: Notification): Promise<void>
}

const channels: Record<string, NotificationChannel> = {
  outbox: { deliverSms: async () => {} },
}

export function registerNotificationChannel(name: string, channel: NotificationChannel) {
  channels[name] = channel
}

export async function sendSms(message: OutgoingSms): Promise<void> {
  const phone = normalizePhone(message.phone)
  const record = await Notification.create({
    channel: 'sms',
    recipientCipher: encryption.encrypt(phone),
    recipientMasked: maskPhone(phone),
    subject: message.subject,
    body: message.body,
    status: 'sent',
  })
  const channel = channels[env.get('NOTIFY_CHANNEL')]
  if (!channel) throw new Error(`No notification channel "${env.get('NOTIFY_CHANNEL')}"`)
  await channel.deliverSms({ ...message, phone }, record)
}
