import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class VerificationCode extends BaseModel {
  static override table = 'verification_codes'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare phoneIndex: string

  @column()
  declare purpose: string

  @column({ serializeAs: null })
  declare codeHash: string

  @column()
  declare attempts: number

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare consumedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
