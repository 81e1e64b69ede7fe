import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { publish } from '#kernel/shared/outbox'
import { maskPhone, normalizePhone, phoneIndex, sealPhone } from '#kernel/shared/personal_data'
import { textingContactOf } from '#modules/identity'
import { type MessageKind, templateOf } from '../templates.js'
import { type MessageParams, orderedParams, renderMasked } from './render.js'
import { configuredProvider } from '../channels/configured.js'

export interface TextToQueue {
  kind: MessageKind
  /** An account (its inbox, and a text to its own phone), or a phone without an account. */
  to: { userId: number } | { phone: string }
  params: MessageParams
  /** What the message is for (an event id, an action and its record): with the recipient, it is sent once. */
  key: string
  /** Where the inbox entry links to, a path on this platform. */
  link?: string
}

export type Queued = { text: 'queued' | 'duplicate' | 'opted_out' | 'no_phone'; inbox: boolean }

/**
 * Queues a message in `trx` (or a transaction of its own): the inbox entry
 * of an account, and the text, which leaves after commit through the
 * outbox, so a provider that is down never holds up the change that asked
 * for it. Throws TemplateParameterError before writing anything when the
 * parameters do not fit the template.
 */
export async function queueText(
  message: TextToQueue,
  trx?: TransactionClientContract
): Promise<Queued> {
  const template = templateOf(message.kind)
  orderedParams(template, message.params)
  const write = async (client: TransactionClientContract): Promise<Queued> => {
    const userId = 'userId' in message.to ? message.to.userId : null
    const inbox = userId !== null && !template.params.some((p) => p.secret)
    if (inbox) await writeInbox(client, userId!, message)
    if (
      userId !== null &&
      !template.mandatory &&
      !(await wantsText(client, userId, message.kind))
    ) {
      return { text: 'opted_out', inbox }
    }
    const phone =
      'phone' in message.to
        ? normalizePhone(message.to.phone)
        : ((await textingContactOf(userId!, client))?.phone ?? null)
    if (!phone) return { text: 'no_phone', inbox }
    const [row] = await client
      .insertQuery()
      .table('message_deliveries')
      .insert({
        kind: message.kind,
        dedupe_key: `${message.key}|${phoneIndex(phone)}`.slice(0, 200),
        recipient_user_id: userId,
        recipient_cipher: sealPhone(phone).cipher,
        recipient_index: phoneIndex(phone),
        recipient_masked: maskPhone(phone),
        params_cipher: encryption.encrypt(JSON.stringify(message.params)),
        body_masked: renderMasked(message.kind, message.params),
        provider: configuredProvider(),
      })
      .onConflict('dedupe_key')
      .ignore()
      .returning('id')
    if (!row) return { text: 'duplicate', inbox }
    await publish(client, 'messages:deliver', { deliveryId: Number(row.id) })
    return { text: 'queued', inbox }
  }
  return trx ? write(trx) : db.transaction(write)
}

async function writeInbox(client: TransactionClientContract, userId: number, message: TextToQueue) {
  await client
    .insertQuery()
    .table('inbox_messages')
    .insert({
      user_id: userId,
      kind: message.kind,
      dedupe_key: message.key.slice(0, 200),
      params: JSON.stringify(message.params),
      link: message.link ?? null,
    })
    .onConflict(['user_id', 'dedupe_key'])
    .ignore()
}

async function wantsText(client: TransactionClientContract, userId: number, kind: MessageKind) {
  const row = await client
    .from('message_preferences')
    .where({ user_id: userId, kind })
    .select('by_text')
    .first()
  return row?.by_text ?? true
}
