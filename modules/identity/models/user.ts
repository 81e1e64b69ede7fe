import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { AdminLevel, Role } from '../roles.js'

export default class User extends BaseModel {
  static override table = 'users'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare role: Role

  @column()
  declare adminLevel: AdminLevel | null

  @column()
  declare regionCode: string | null

  @column()
  declare provinceCode: string | null

  @column()
  declare cityCode: string | null

  @column()
  declare countyCode: string | null

  @column()
  declare unitName: string | null

  @column()
  declare orgType: 'institution' | 'bank' | 'school' | null

  @column()
  declare orgId: number | null

  @column()
  declare username: string | null

  @column({ serializeAs: null })
  declare phoneCipher: string | null

  @column({ serializeAs: null })
  declare phoneIndex: string | null

  @column()
  declare phoneMasked: string | null

  @column()
  declare displayName: string

  @column({ serializeAs: null })
  declare password: string | null

  @column()
  declare status: 'pending' | 'active' | 'disabled'

  @column()
  declare disabledReason: string | null

  @column()
  declare createdById: number | null

  @column.dateTime()
  declare passwordSetAt: DateTime | null

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
