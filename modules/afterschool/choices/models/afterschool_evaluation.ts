import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A school's term-end rating of a provider it had an agreement with (1–5 each). */
export default class AfterschoolEvaluation extends BaseModel {
  static override table = 'afterschool_evaluations'

  @column({ isPrimary: true }) declare id: number
  @column() declare schoolId: number
  @column() declare applicationId: number
  @column() declare agreementId: number
  @column() declare institutionId: number
  @column() declare term: string
  @column() declare quality: number
  @column() declare safety: number
  @column() declare punctuality: number
  @column() declare comment: string | null
  @column() declare createdBy: number
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
