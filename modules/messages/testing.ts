/* Helpers other modules' tests may use (`#testing/messages`). */
import db from '@adonisjs/lucid/services/db'
import { phoneIndex } from '#kernel/shared/personal_data'

/** The newest text delivered to a phone, as the phone shows it (the development outbox channel). */
export async function lastMessageTo(phone: string): Promise<string | null> {
  const row = await db
    .from('dev_texts')
    .where('recipient_index', phoneIndex(phone))
    .orderBy('id', 'desc')
    .first()
  return row?.body ?? null
}

/** Every text delivered to a phone, oldest first. */
export async function messagesTo(phone: string): Promise<string[]> {
  const rows = await db
    .from('dev_texts')
    .where('recipient_index', phoneIndex(phone))
    .orderBy('id', 'asc')
    .select('body')
  return rows.map((row) => row.body)
}

export function codeIn(message: string | null): string | null {
  return message?.match(/验证码 (\d{6})/)?.[1] ?? null
}

export function linkIn(message: string | null): string | null {
  const url = message?.match(/https?:\/\/\S+/)?.[0]
  return url ? new URL(url).pathname : null
}

/** A person's inbox entries, newest first (kind and parameters, as stored). */
export async function inboxOf(userId: number) {
  return db.from('inbox_messages').where('user_id', userId).orderBy('id', 'desc')
}

/** The log rows of the texts of a kind, oldest first (what the operators' view shows). */
export async function deliveriesOf(kind: string) {
  return db.from('message_deliveries').where('kind', kind).orderBy('id', 'asc')
}
