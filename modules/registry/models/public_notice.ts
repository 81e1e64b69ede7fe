import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class PublicNotice extends BaseModel {
  static override table = 'public_notices'

  @column({ isPrimary: true }) declare id: number
  @column() declare kind: string
  @column() declare institutionId: number | null
  @column() declare provinceCode: string | null
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare title: string
  @column() declare body: string
  @column() declare publishedByUnit: string | null
  @column.dateTime() declare publishedAt: DateTime
}
