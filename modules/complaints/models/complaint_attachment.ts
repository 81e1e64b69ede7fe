import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class ComplaintAttachment extends BaseModel {
  static override table = 'complaint_attachments'

  @column({ isPrimary: true }) declare id: number
  @column() declare complaintId: number
  @column() declare storageKey: string
  @column() declare originalName: string
  @column() declare mimeType: string
  @column() declare sizeBytes: number
  @column({ columnName: 'sha256' }) declare sha256: string
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
