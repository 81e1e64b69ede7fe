import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A text as the development channel delivered it (see migration 0008). */
export default class DevSms extends BaseModel {
  static override table = 'dev_sms_outbox'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare notificationId: number

  @column()
  declare recipientMasked: string

  @column()
  declare subject: string

  @column()
  declare body: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
