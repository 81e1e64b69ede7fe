import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class CreditDraw extends BaseModel {
  static override table = 'credit_draws'

  @column({ isPrimary: true }) declare id: number
  @column() declare regionCode: string
  @column() declare provinceCode: string | null
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare seed: string
  @column() declare population: number
  @column() declare sampleSize: number
  /* jsonb: an array must go as JSON text, or pg sends it as a Postgres array. */
  @column({ prepare: (v) => JSON.stringify(v) }) declare drawn: {
    institutionId: number
    grade: string
  }[]
  @column({ prepare: (v) => JSON.stringify(v) }) declare weights: Record<string, number>
  @column() declare createdById: number
  @column() declare createdByUnit: string | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
