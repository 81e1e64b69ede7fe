import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class FilingReview extends BaseModel {
  static override table = 'filing_reviews'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column({ prepare: (v) => JSON.stringify(v) }) declare snapshot: Record<
    string,
    Record<string, any>
  >
  @column.dateTime() declare submittedAt: DateTime
  @column() declare submittedById: number | null
  @column() declare decision: 'approved' | 'returned' | null
  @column({ prepare: (v) => JSON.stringify(v ?? {}) }) declare reasons: Record<string, string>
  @column() declare comment: string | null
  @column() declare decidedById: number | null
  @column.dateTime() declare decidedAt: DateTime | null
}
