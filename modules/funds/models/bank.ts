import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A supervising bank branch (Art. 9) and its API credentials; the secret is stored encrypted. */
export default class Bank extends BaseModel {
  static override table = 'banks'

  @column({ isPrimary: true }) declare id: number
  @column() declare name: string
  @column() declare regionCode: string
  @column() declare apiKey: string
  @column({ serializeAs: null }) declare apiSecretCipher: string
  @column.dateTime() declare secretRotatedAt: DateTime
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
