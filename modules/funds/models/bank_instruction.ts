import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type InstructionKind = 'release' | 'refund' | 'transfer'
export type InstructionStatus =
  'sent' | 'executed' | 'rejected' | 'reissued' | 'reversed' | 'cancelled'

/** What the platform tells a bank to pay out of a supervised account: a class fee, a refund, or (a transfer) the students' money moving to the institution's new supervised account. */
export default class BankInstruction extends BaseModel {
  static override table = 'bank_instructions'

  @column({ isPrimary: true }) declare id: number
  @column() declare number: string
  @column() declare bankId: number
  @column() declare supervisedAccountId: number
  @column() declare kind: InstructionKind
  @column() declare amountFen: number
  /** Null for a transfer, which moves an institution's money, not one order's. */
  @column() declare orderId: number | null
  @column() declare consumptionId: number | null
  @column() declare refundId: number | null
  /** Which part of a class's fee a release pays: 1, then 2, 3 … where the release schedule releases a fee in parts. */
  @column() declare tranche: number
  @column() declare status: InstructionStatus
  @column() declare movementId: number | null
  @column() declare rejectReason: string | null
  /** A re-issued instruction names the rejected one it replaces. */
  @column() declare reissuesId: number | null
  /** A transfer's destination: the institution's new supervised account record. */
  @column() declare targetAccountId: number | null
  /** The destination bank's credit that confirms a transfer arrived. */
  @column() declare creditedMovementId: number | null
  /** A transfer that forwards one payment which still landed in a closed account. */
  @column() declare forwardsMovementId: number | null
  @column() declare resolvedBy: number | null
  @column() declare resolutionNote: string | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime() declare executedAt: DateTime | null
}
