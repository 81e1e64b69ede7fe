import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type AnomalyKind =
  | 'balance_mismatch'
  | 'unmatched_debit'
  | 'under_covered'
  | 'payment_not_settled'
  | 'instruction_rejected'
  | 'attendance_burst'
  | 'refund_failed_executed'
  | 'transfer_overdue'
  | 'payment_return_failed'

export default class FundAnomaly extends BaseModel {
  static override table = 'fund_anomalies'

  @column({ isPrimary: true }) declare id: number
  @column() declare supervisedAccountId: number
  @column() declare institutionId: number
  @column() declare bankId: number
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare kind: AnomalyKind
  @column() declare severity: 'yellow' | 'red'
  @column({ prepare: (v) => JSON.stringify(v) }) declare evidence: Record<string, unknown>
  @column() declare fingerprint: string
  @column() declare status: 'open' | 'closed'
  @column.dateTime() declare detectedAt: DateTime
  @column.dateTime() declare closedAt: DateTime | null
  @column() declare closedBy: number | null
  @column() declare closeNote: string | null
}
