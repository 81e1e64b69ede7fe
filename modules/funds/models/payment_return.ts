import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type PaymentReturnStatus = 'returning' | 'returned' | 'failed'

/** Money a channel took that the platform must not apply, sent back the way it came. */
export default class PaymentReturn extends BaseModel {
  static override table = 'payment_returns'

  @column({ isPrimary: true }) declare id: number
  @column() declare number: string
  @column() declare paymentId: number
  @column() declare orderId: number
  @column() declare provider: string
  @column() declare amountFen: number
  @column() declare reason: string
  @column() declare status: PaymentReturnStatus
  @column() declare failureReason: string | null
  @column() declare sendAttempts: number
  @column.dateTime() declare nextSendAt: DateTime | null
  @column.dateTime() declare returnedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
