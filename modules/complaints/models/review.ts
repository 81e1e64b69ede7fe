import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Review extends BaseModel {
  static override table = 'reviews'

  @column({ isPrimary: true }) declare id: number
  @column() declare orderId: number
  @column() declare authorUserId: number
  @column() declare authorMasked: string
  @column() declare institutionId: number
  @column() declare courseId: number
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare rating: number
  @column() declare body: string
  @column() declare reply: string | null
  @column.dateTime() declare repliedAt: DateTime | null
  @column.dateTime() declare hiddenAt: DateTime | null
  @column() declare hiddenReason: string | null
  @column() declare hiddenBy: number | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
