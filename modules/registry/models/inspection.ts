import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Inspection extends BaseModel {
  static override table = 'inspections'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column.date() declare plannedOn: DateTime
  @column() declare purpose: string
  @column() declare status: 'planned' | 'recorded'
  @column() declare plannedById: number | null
  @column() declare plannedByUnit: string | null
  @column.dateTime() declare recordedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
