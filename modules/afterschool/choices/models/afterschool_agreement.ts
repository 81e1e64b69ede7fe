import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** The service agreement a school signed with a chosen provider for one term. */
export default class AfterschoolAgreement extends BaseModel {
  static override table = 'afterschool_agreements'

  @column({ isPrimary: true }) declare id: number
  @column() declare schoolId: number
  @column() declare callId: number
  @column() declare applicationId: number
  @column() declare offerIndex: number
  @column() declare number: string
  @column.date() declare signedOn: DateTime
  @column.date() declare termStartsOn: DateTime
  @column.date() declare termEndsOn: DateTime
  @column() declare pricePerClassFen: number
  @column() declare notes: string | null
  @column() declare createdBy: number
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime

  /** The term as an ISO 8601 interval, the key of its one evaluation. */
  get term() {
    return `${this.termStartsOn.toISODate()}/${this.termEndsOn.toISODate()}`
  }
}
