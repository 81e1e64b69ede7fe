import db from '@adonisjs/lucid/services/db'
import { type Audience, type MessageKind, type MessageTemplate, TEMPLATES } from '../templates.js'

export interface PreferenceRow {
  kind: MessageKind
  mandatory: boolean
  byText: boolean
}

/** The kinds a role receives in the inbox (none with secrets), with whether each also comes by text. */
export async function preferencesOf(userId: number, role: string): Promise<PreferenceRow[]> {
  const audience = audienceOf(role)
  const kinds = [...TEMPLATES.values()].filter(
    (t) => !t.params.some((p) => p.secret) && t.audience.some((a) => a === audience)
  )
  const rows = await db.from('message_preferences').where('user_id', userId)
  const chosen = new Map(rows.map((row) => [row.kind, row.by_text as boolean]))
  return kinds.map((t: MessageTemplate) => ({
    kind: t.kind,
    mandatory: t.mandatory,
    byText: t.mandatory || (chosen.get(t.kind) ?? true),
  }))
}

/** Saves the choices for the optional kinds of the role; mandatory ones cannot be turned off. */
export async function savePreferences(userId: number, role: string, byText: Set<string>) {
  const optional = (await preferencesOf(userId, role)).filter((row) => !row.mandatory)
  if (!optional.length) return
  await db
    .table('message_preferences')
    .insert(
      optional.map((row) => ({
        user_id: userId,
        kind: row.kind,
        by_text: byText.has(row.kind),
        updated_at: new Date(),
      }))
    )
    .onConflict(['user_id', 'kind'])
    .merge(['by_text', 'updated_at'])
}

function audienceOf(role: string): Audience {
  if (role === 'parent') return 'parent'
  if (role === 'institution_owner' || role === 'institution_staff') return 'institution'
  if (role === 'admin') return 'admin'
  return 'anyone'
}
