import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class SupervisedAccount extends BaseModel {
  static table = 'supervised_accounts'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare bankId: number
  @column() declare accountNumber: string
  @column() declare escrowModel: 'bank_custody' | 'risk_deposit'
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare reportedBalanceFen: number | null
  @column.dateTime() declare reportedAt: DateTime | null
  @column.dateTime() declare reconciledAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
