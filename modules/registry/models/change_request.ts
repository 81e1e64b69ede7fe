import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/* Text facts (name, address) carry strings; filed facts carry what the filing holds (categories, venue rows). */
export type FactValue = string | string[] | Record<string, unknown>[] | null
/* A personal key fact (the legal representative's ID number) carries masked values and the new value sealed, never the number in clear. */
export type KeyFactChanges = Record<
  string,
  { from: FactValue; to: FactValue; sealed?: { cipher: string; index: string } }
>

export default class ChangeRequest extends BaseModel {
  static override table = 'change_requests'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column({ prepare: (v) => JSON.stringify(v) }) declare changes: KeyFactChanges
  @column() declare reason: string
  @column() declare documentId: number | null
  @column() declare status: 'pending' | 'approved' | 'rejected'
  @column() declare requestedById: number | null
  @column() declare decidedById: number | null
  @column() declare decisionComment: string | null
  @column.dateTime() declare decidedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
