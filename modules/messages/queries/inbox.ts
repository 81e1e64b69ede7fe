import db from '@adonisjs/lucid/services/db'
import { TemplateParameterError, renderMasked } from '../services/render.js'
import type { MessageKind } from '../templates.js'

export const INBOX_PAGE_SIZE = 20

export async function unreadCount(userId: number): Promise<number> {
  const row = await db
    .from('inbox_messages')
    .where('user_id', userId)
    .whereNull('read_at')
    .count('* as n')
    .first()
  return Number(row?.n ?? 0)
}

export interface InboxEntry {
  id: number
  kind: MessageKind
  text: string
  link: string | null
  read: boolean
  createdAt: Date
}

/** One person's messages, newest first, rendered in their language. */
export async function inboxPage(userId: number, page: number, locale: 'zh-CN' | 'en') {
  const result = await db
    .from('inbox_messages')
    .where('user_id', userId)
    .orderBy('id', 'desc')
    .paginate(Math.max(1, page), INBOX_PAGE_SIZE)
  const entries: InboxEntry[] = result.all().map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    text: textOf(row.kind, row.params, locale),
    link: row.link,
    read: row.read_at !== null,
    createdAt: row.created_at,
  }))
  return { entries, page: result.currentPage, lastPage: result.lastPage, total: result.total }
}

/* A message kept from before a template changed still shows what it can. */
function textOf(kind: MessageKind, params: Record<string, string>, locale: 'zh-CN' | 'en') {
  try {
    return renderMasked(kind, params, locale)
  } catch (error) {
    if (error instanceof TemplateParameterError) return Object.values(params).join(' · ')
    throw error
  }
}

/** Marks one of the person's messages read; null when it is not theirs (404). */
export async function markRead(
  userId: number,
  id: number
): Promise<{ link: string | null } | null> {
  const [row] = await db
    .from('inbox_messages')
    .where({ id, user_id: userId })
    .update({ read_at: db.raw('coalesce(read_at, clock_timestamp())') })
    .returning(['link'])
  return row ? { link: row.link } : null
}

export async function markAllRead(userId: number): Promise<number> {
  return Number(
    await db
      .from('inbox_messages')
      .where('user_id', userId)
      .whereNull('read_at')
      .update({ read_at: db.raw('clock_timestamp()') })
  )
}
