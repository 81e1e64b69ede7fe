/*
| The text a phone would show, for identity's sign-up, code and password
| tests. The messages module (above identity, so not importable here)
| delivers identity's texts and keeps the development channel's copies in
| dev_texts; these tests read that table (a declared boundary exception).
*/
import db from '@adonisjs/lucid/services/db'
import { phoneIndex } from '#kernel/shared/personal_data'

export async function lastMessageTo(phone: string): Promise<string | null> {
  const row = await db
    .from('dev_texts')
    .where('recipient_index', phoneIndex(phone))
    .orderBy('id', 'desc')
    .first()
  return row?.body ?? null
}

export function codeIn(message: string | null): string | null {
  return message?.match(/验证码 (\d{6})/)?.[1] ?? null
}

export function linkIn(message: string | null): string | null {
  const url = message?.match(/https?:\/\/\S+/)?.[0]
  return url ? new URL(url).pathname : null
}

/** The log rows of the texts to a phone (masked bodies, sealed recipients), oldest first. */
export function loggedTo(phone: string) {
  return db.from('message_deliveries').where('recipient_index', phoneIndex(phone)).orderBy('id')
}
