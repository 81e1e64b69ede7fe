import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class SpotCheck extends BaseModel {
  static override table = 'spot_checks'

  @column({ isPrimary: true }) declare id: number
  @column() declare regionCode: string
  @column.date() declare periodFrom: DateTime
  @column.date() declare periodTo: DateTime
  @column() declare sampleSize: number
  @column() declare population: number
  @column() declare seed: string
  @column() declare status: 'open' | 'completed'
  @column() declare createdById: number
  @column() declare createdByUnit: string | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime() declare completedAt: DateTime | null
}
