import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { publishMany } from '#kernel/shared/outbox'
import { maskPhone, normalizePhone, phoneIndex, sealPhone } from '#kernel/shared/personal_data'
import { textingContactsOf } from '#modules/identity'
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
  return (await queueTexts([message], trx))[0]!
}

/**
 * Many messages at once, in a constant number of statements however many
 * there are (a nightly run's reminders, a notice's parents): the inbox
 * entries, the text preferences, the phones, the deliveries and their
 * outbox events, one statement each. Every message is checked before
 * anything is written; the answers come back in the messages' order.
 */
export async function queueTexts(
  messages: TextToQueue[],
  trx?: TransactionClientContract
): Promise<Queued[]> {
  for (const message of messages) orderedParams(templateOf(message.kind), message.params)
  if (!messages.length) return []
  const write = async (client: TransactionClientContract): Promise<Queued[]> => {
    const answers: Queued[] = []
    for (let i = 0; i < messages.length; i += MESSAGES_PER_CHUNK)
      answers.push(...(await writeChunk(client, messages.slice(i, i + MESSAGES_PER_CHUNK))))
    return answers
  }
  return trx ? write(trx) : db.transaction(write)
}

/*
| A chunk's rows go in one insert each: nine bindings a delivery, and
| PostgreSQL takes at most 65,535 per statement, so a night's reminders
| (tens of thousands) are written a thousand at a time. A key repeated in
| a later chunk meets the first on the unique index: a duplicate.
*/
const MESSAGES_PER_CHUNK = 1000

async function writeChunk(
  client: TransactionClientContract,
  messages: TextToQueue[]
): Promise<Queued[]> {
  const userOf = (m: TextToQueue) => ('userId' in m.to ? m.to.userId : null)
  const inInbox = messages.map(
    (m) => userOf(m) !== null && !templateOf(m.kind).params.some((p) => p.secret)
  )
  await writeInbox(
    client,
    messages.filter((_, i) => inInbox[i])
  )
  const declined = await declinedTexts(client, messages)
  const phones = await textingContactsOf(
    messages.map(userOf).filter((id): id is number => id !== null),
    client
  )
  const answers: Queued[] = []
  const deliveries: Record<string, unknown>[] = []
  const firstOfKey = new Map<string, number>()
  messages.forEach((message, i) => {
    const userId = userOf(message)
    const inbox = inInbox[i]!
    if (
      userId !== null &&
      !templateOf(message.kind).mandatory &&
      declined.has(`${userId}|${message.kind}`)
    ) {
      answers.push({ text: 'opted_out', inbox })
      return
    }
    const phone =
      'phone' in message.to
        ? normalizePhone(message.to.phone)
        : (phones.get(userId!)?.phone ?? null)
    if (!phone) {
      answers.push({ text: 'no_phone', inbox })
      return
    }
    const dedupeKey = `${message.key}|${phoneIndex(phone)}`.slice(0, 200)
    /* Until the insert answers, a delivery counts as a duplicate; the first of each key becomes queued. */
    answers.push({ text: 'duplicate', inbox })
    if (firstOfKey.has(dedupeKey)) return
    firstOfKey.set(dedupeKey, i)
    deliveries.push({
      kind: message.kind,
      dedupe_key: dedupeKey,
      recipient_user_id: userId,
      recipient_cipher: sealPhone(phone).cipher,
      recipient_index: phoneIndex(phone),
      recipient_masked: maskPhone(phone),
      params_cipher: encryption.encrypt(JSON.stringify(message.params)),
      body_masked: renderMasked(message.kind, message.params),
      provider: configuredProvider(),
    })
  })
  if (!deliveries.length) return answers
  const inserted: { id: string; dedupe_key: string }[] = await client
    .insertQuery()
    .table('message_deliveries')
    .multiInsert(deliveries)
    .onConflict('dedupe_key')
    .ignore()
    .returning(['id', 'dedupe_key'])
  for (const row of inserted) answers[firstOfKey.get(row.dedupe_key)!]!.text = 'queued'
  await publishMany(
    client,
    'messages:deliver',
    inserted.map((row) => ({ deliveryId: Number(row.id) }))
  )
  return answers
}

async function writeInbox(client: TransactionClientContract, messages: TextToQueue[]) {
  if (!messages.length) return
  await client
    .insertQuery()
    .table('inbox_messages')
    .multiInsert(
      messages.map((message) => ({
        user_id: (message.to as { userId: number }).userId,
        kind: message.kind,
        dedupe_key: message.key.slice(0, 200),
        params: JSON.stringify(message.params),
        link: message.link ?? null,
      }))
    )
    .onConflict(['user_id', 'dedupe_key'])
    .ignore()
}

/** `userId|kind` of every recipient who turned texts of that kind off. */
async function declinedTexts(client: TransactionClientContract, messages: TextToQueue[]) {
  const pairs = messages.flatMap((m) =>
    'userId' in m.to && !templateOf(m.kind).mandatory ? [[m.to.userId, m.kind] as const] : []
  )
  if (!pairs.length) return new Set<string>()
  const rows = await client
    .from('message_preferences')
    .whereIn(['user_id', 'kind'], pairs as unknown as [number, string][])
    .where('by_text', false)
    .select('user_id', 'kind')
  return new Set(rows.map((r) => `${r.user_id}|${r.kind}`))
}
