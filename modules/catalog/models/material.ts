import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Material extends BaseModel {
  static override table = 'course_materials'

  @column({ isPrimary: true }) declare id: number
  @column() declare courseId: number
  @column() declare institutionId: number
  @column() declare title: string
  @column() declare source: 'self_compiled' | 'published'
  @column() declare publisher: string | null
  @column() declare storageKey: string
  @column() declare originalName: string
  @column() declare mimeType: string
  @column() declare sizeBytes: number
  @column({ columnName: 'sha256' }) declare sha256: string
  @column() declare checkStatus: 'unchecked' | 'passed' | 'failed'
  @column() declare uploadedById: number | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
