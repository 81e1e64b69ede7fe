import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type StepActor = 'complainant' | 'institution' | 'bureau' | 'system'

export default class ComplaintStep extends BaseModel {
  static override table = 'complaint_steps'

  @column({ isPrimary: true }) declare id: number
  @column() declare complaintId: number
  @column() declare action: string
  @column() declare actorKind: StepActor
  @column() declare actorUserId: number | null
  @column() declare unitName: string
  @column() declare note: string | null
  @column.date() declare dueOn: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
