import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed'

export default class CreditObjection extends BaseModel {
  static override table = 'credit_objections'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare score: number | null
  @column() declare grade: string | null
  @column() declare reason: string
  @column() declare filedById: number
  @column() declare status: ObjectionStatus
  @column() declare answer: string | null
  @column() declare answeredById: number | null
  @column() declare answeredByUnit: string | null
  @column.dateTime() declare answeredAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
