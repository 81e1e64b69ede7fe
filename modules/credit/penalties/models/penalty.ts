import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const PENALTY_KINDS = [
  'warning',
  'fine',
  'confiscation',
  'suspension',
  'revocation',
] as const
export type PenaltyKind = (typeof PENALTY_KINDS)[number]
/** Kinds that carry an amount (a fine, the illegal gains confiscated). */
export const KINDS_WITH_AMOUNT: readonly PenaltyKind[] = ['fine', 'confiscation']

export default class Penalty extends BaseModel {
  static override table = 'credit_penalties'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare kind: PenaltyKind
  @column({ consume: (v) => (v === null ? null : Number(v)) }) declare amountFen: number | null
  @column() declare documentNumber: string
  @column.date() declare decidedOn: DateTime
  @column() declare facts: string
  @column() declare legalBasis: string
  @column.date() declare publishUntil: DateTime
  @column() declare recordedById: number
  @column() declare recordedByUnit: string | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
