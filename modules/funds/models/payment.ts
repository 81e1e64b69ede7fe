import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'closed' | 'returned'

export default class Payment extends BaseModel {
  static override table = 'payments'

  @column({ isPrimary: true }) declare id: number
  @column() declare number: string
  @column() declare orderId: number
  /** Set for "learn first, pay later": the class this payment is for. */
  @column() declare consumptionId: number | null
  @column() declare provider: string
  @column() declare amountFen: number
  @column() declare status: PaymentStatus
  @column() declare providerTxnId: string | null
  @column() declare payUrl: string | null
  @column.dateTime() declare succeededAt: DateTime | null
  @column() declare settledMovementId: number | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
