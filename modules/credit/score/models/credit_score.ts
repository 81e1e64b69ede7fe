import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Factor } from '../compute_score.js'
import type { ScoreBand } from '../national_rules.js'

export default class CreditScore extends BaseModel {
  static override table = 'credit_scores'

  @column({ isPrimary: true }) declare institutionId: number
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare score: number
  @column() declare grade: ScoreBand['grade']
  @column() declare factors: Factor[]
  @column.dateTime() declare computedAt: DateTime
}
