import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type OrderStatus =
  'awaiting_payment' | 'paid' | 'in_progress' | 'completed' | 'refunding' | 'refunded' | 'cancelled'
export type OrderMode = 'prepaid' | 'pay_later'

export default class Order extends BaseModel {
  static override table = 'orders'

  @column({ isPrimary: true }) declare id: number
  @column() declare number: string
  @column() declare contractId: number
  @column() declare courseId: number
  @column() declare institutionId: number
  @column() declare parentUserId: number
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare mode: OrderMode
  @column() declare chargeNo: number
  @column() declare firstClass: number
  @column() declare classCount: number
  @column() declare pricePerClassFen: number
  @column() declare amountFen: number
  @column() declare status: OrderStatus
  @column() declare provider: string
  @column.dateTime() declare expiresAt: DateTime | null
  @column.dateTime() declare paidAt: DateTime | null
  @column.dateTime() declare closedAt: DateTime | null
  @column() declare paidFen: number
  @column() declare releasedFen: number
  @column() declare refundingFen: number
  @column() declare refundedFen: number
  @column() declare classesConsumed: number
  @column() declare classesRefunded: number
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime

  get lastClass(): number {
    return this.firstClass + this.classCount - 1
  }

  /** Fees of the classes nobody has taken or had refunded: the part of `heldFen` a refund may return. */
  get unconsumedFen(): number {
    return this.mode === 'prepaid'
      ? (this.classCount - this.classesConsumed - this.classesRefunded) * this.pricePerClassFen
      : 0
  }

  /**
   * Prepaid money still in the supervised account for this order: paid, not
   * released, not refunded or being refunded. It is `unconsumedFen` plus the
   * fees of taken classes not released yet (awaiting confirmation, or
   * retained by the province's release schedule, which only the institution
   * will receive).
   */
  get heldFen(): number {
    return this.mode === 'prepaid'
      ? this.paidFen - this.releasedFen - this.refundingFen - this.refundedFen
      : 0
  }
}
