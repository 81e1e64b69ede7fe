import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class CreditCodeContest extends BaseModel {
  static override table = 'credit_code_contests'

  @column({ isPrimary: true }) declare id: number
  @column() declare creditCode: string
  /** The institution (a draft) holding the code when it was contested. */
  @column() declare institutionId: number
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare claimantUserId: number
  @column() declare claimantUnit: string
  @column() declare statement: string
  @column() declare status: 'pending' | 'upheld' | 'dismissed'
  @column() declare decidedById: number | null
  @column() declare decisionComment: string | null
  @column.dateTime() declare decidedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
