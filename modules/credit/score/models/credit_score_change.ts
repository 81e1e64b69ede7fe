import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Factor } from '../compute_score.js'

export default class CreditScoreChange extends BaseModel {
  static override table = 'credit_score_changes'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare fromScore: number | null
  @column() declare fromGrade: string | null
  @column() declare toScore: number
  @column() declare toGrade: string
  @column() declare cause: string
  @column() declare causeRef: string | null
  @column() declare factors: Factor[]
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
