import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ConsumptionStatus = 'pending' | 'confirmed' | 'auto_confirmed' | 'disputed'

/** One class a student took, as the institution recorded it, and the parent's answer. */
export default class Consumption extends BaseModel {
  static override table = 'consumptions'

  @column({ isPrimary: true }) declare id: number
  @column() declare orderId: number
  @column() declare contractId: number
  @column() declare institutionId: number
  @column() declare classNo: number
  @column.date() declare heldOn: DateTime
  @column() declare feeFen: number
  @column() declare status: ConsumptionStatus
  @column.date() declare confirmDueOn: DateTime
  @column() declare disputeReason: string | null
  @column() declare recordedBy: number | null
  /** The timetable slot the class was held in (null for classes recorded before attendance was checked against it). */
  @column.dateTime() declare slotStartsAt: DateTime | null
  @column.dateTime() declare decidedAt: DateTime | null
  /** Fen of the fee released so far: the whole fee under the national schedule, part of it while a province retains the rest. */
  @column() declare releasedFen: number
  /** When the whole fee had been released (or, learn first pay later, paid). */
  @column.dateTime() declare releasedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime

  get confirmed(): boolean {
    return this.status === 'confirmed' || this.status === 'auto_confirmed'
  }
}
