import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A movement (动账) of a supervised account as the bank reported it. */
export default class BankMovement extends BaseModel {
  static override table = 'bank_movements'

  @column({ isPrimary: true }) declare id: number
  @column() declare bankId: number
  @column() declare supervisedAccountId: number
  @column() declare bankTxnId: string
  @column() declare direction: 'credit' | 'debit'
  @column() declare amountFen: number
  @column() declare balanceAfterFen: number
  @column() declare reference: string | null
  @column() declare paymentId: number | null
  @column() declare instructionId: number | null
  @column.dateTime() declare occurredAt: DateTime
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
