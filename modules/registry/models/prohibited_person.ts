import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class ProhibitedPerson extends BaseModel {
  static override table = 'prohibited_persons'

  @column({ isPrimary: true }) declare id: number
  @column() declare name: string
  @column({ serializeAs: null }) declare idNumberCipher: string
  @column({ serializeAs: null }) declare idNumberIndex: string
  @column() declare idNumberMasked: string
  @column() declare reason:
    'sexual_offence' | 'violence' | 'drugs' | 'other_crime' | 'professional_ban'
  @column() declare source: string | null
  @column() declare regionCode: string
  @column() declare addedById: number | null
  @column.dateTime() declare revokedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
