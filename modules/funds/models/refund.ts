import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type RefundStatus =
  'requested' | 'approved' | 'declined' | 'refunding' | 'refunded' | 'failed' | 'withdrawn'
export type RefundApproval = 'institution' | 'deadline' | 'before_start' | 'bureau'

export default class Refund extends BaseModel {
  static override table = 'refunds'

  @column({ isPrimary: true }) declare id: number
  @column() declare number: string
  @column() declare orderId: number
  @column() declare parentUserId: number
  @column() declare institutionId: number
  @column() declare classCount: number
  @column() declare amountFen: number
  @column() declare reason: string
  @column() declare status: RefundStatus
  @column() declare approvedBy: RefundApproval | null
  @column() declare decisionReason: string | null
  @column.date() declare answerDueOn: DateTime
  @column() declare decidedBy: number | null
  @column.dateTime() declare decidedAt: DateTime | null
  @column.dateTime() declare refundedAt: DateTime | null
  @column() declare failureReason: string | null
  /** Times the refund was sent to the channel, and when the retry sweep may send it again. */
  @column() declare sendAttempts: number
  @column.dateTime() declare nextSendAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime

  get open(): boolean {
    return ['requested', 'approved', 'refunding'].includes(this.status)
  }
}
