import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class ChildInvitation extends BaseModel {
  static override table = 'child_invitations'

  @column({ isPrimary: true }) declare id: number
  @column() declare childId: number
  @column({ serializeAs: null }) declare codeIndex: string
  @column() declare createdByUserId: number
  @column.dateTime() declare expiresAt: DateTime
  @column.dateTime() declare acceptedAt: DateTime | null
  @column() declare acceptedByUserId: number | null
  @column.dateTime() declare revokedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
