import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type FindingStatus = 'open' | 'reported' | 'closed'

export default class Finding extends BaseModel {
  static override table = 'inspection_findings'

  @column({ isPrimary: true }) declare id: number
  @column() declare inspectionId: number
  @column() declare institutionId: number
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare item: string
  @column() declare severity: 'minor' | 'serious'
  @column() declare description: string
  @column() declare status: FindingStatus
  @column.date() declare deadline: DateTime
  @column() declare rectificationReport: string | null
  @column() declare reportDocumentId: number | null
  @column.dateTime() declare reportedAt: DateTime | null
  @column() declare acceptanceOpinion: string | null
  @column() declare acceptedById: number | null
  @column.dateTime() declare closedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
