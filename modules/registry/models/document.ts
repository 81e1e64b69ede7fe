import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class RegistryDocument extends BaseModel {
  static override table = 'registry_documents'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare kind: string
  @column() declare storageKey: string
  @column() declare originalName: string
  @column() declare mimeType: string
  @column() declare sizeBytes: number
  @column({ columnName: 'sha256' }) declare sha256: string
  @column() declare uploadedById: number | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
