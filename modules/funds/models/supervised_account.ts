import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Bank from './bank.js'

export default class SupervisedAccount extends BaseModel {
  static override table = 'supervised_accounts'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare bankId: number
  @belongsTo(() => Bank) declare bank: BelongsTo<typeof Bank>
  @column() declare accountNumber: string
  @column() declare escrowModel: 'bank_custody' | 'risk_deposit'
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare reportedBalanceFen: number | null
  @column.dateTime() declare reportedAt: DateTime | null
  @column.dateTime() declare reconciledAt: DateTime | null
  /** Closed when an approved change moved the institution to another account; kept for the history. */
  @column() declare status: 'open' | 'closed'
  @column.dateTime() declare closedAt: DateTime | null
  @column() declare replacedById: number | null
  /** The registry change request that opened this record (null for the first one, opened from the filing). */
  @column() declare changeRequestId: number | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
