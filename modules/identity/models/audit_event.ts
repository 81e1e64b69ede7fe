import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class AuditEvent extends BaseModel {
  static override table = 'audit_events'

  @column({ isPrimary: true })
  declare id: number

  @column.dateTime()
  declare occurredAt: DateTime

  @column()
  declare actorId: number | null

  @column()
  declare actorRole: string | null

  @column()
  declare actorLabel: string | null

  @column()
  declare action: string

  @column()
  declare subjectType: string | null

  @column()
  declare subjectId: string | null

  @column()
  declare summary: string | null

  @column()
  declare regionCode: string | null

  @column()
  declare provinceCode: string | null

  @column()
  declare cityCode: string | null

  @column()
  declare countyCode: string | null

  @column()
  declare ip: string | null

  @column()
  declare userAgent: string | null

  @column({ prepare: (value) => (value ? JSON.stringify(value) : null) })
  declare details: Record<string, unknown> | null
}
