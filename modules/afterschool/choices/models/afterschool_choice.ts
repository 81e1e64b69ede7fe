import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ChoiceStatus = 'chosen' | 'ended'

/** A school's choice of one listed project into a weekly slot. */
export default class AfterschoolChoice extends BaseModel {
  static override table = 'afterschool_choices'

  @column({ isPrimary: true }) declare id: number
  @column() declare schoolId: number
  @column() declare callId: number
  @column() declare applicationId: number
  @column() declare offerIndex: number
  @column() declare offerName: string
  /** 1 Monday … 7 Sunday (ISO). */
  @column() declare weekday: number
  @column() declare startsAt: string
  @column() declare endsAt: string
  @column() declare grades: string[]
  @column() declare capacity: number
  @column() declare status: ChoiceStatus
  @column() declare createdBy: number
  @column.dateTime() declare endedAt: DateTime | null
  @column() declare endedBy: number | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
