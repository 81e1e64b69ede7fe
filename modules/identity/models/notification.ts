import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Notification extends BaseModel {
  static override table = 'notifications'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare channel: 'sms' | 'email'

  @column({ serializeAs: null })
  declare recipientCipher: string

  @column()
  declare recipientMasked: string

  @column()
  declare subject: string

  @column()
  declare body: string

  @column()
  declare status: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
