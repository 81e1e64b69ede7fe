import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type DecisionAction = 'submitted' | 'approved' | 'rejected' | 'listed' | 'taken_down'

export default class CourseDecision extends BaseModel {
  static override table = 'course_decisions'

  @column({ isPrimary: true }) declare id: number
  @column() declare courseId: number
  @column() declare action: DecisionAction
  @column() declare courseVersion: number
  @column() declare reason: string | null
  @column() declare actorId: number | null
  @column() declare actorUnit: string | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
