import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type StaffStatus = 'hired' | 'blocked' | 'left'
export type CheckResult =
  'passed' | 'prohibited' | 'serving_teacher' | 'no_qualification' | 'missing_documents'

export default class Staff extends BaseModel {
  static override table = 'staff'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare name: string
  @column({ serializeAs: null }) declare idNumberCipher: string
  @column({ serializeAs: null }) declare idNumberIndex: string
  @column() declare idNumberMasked: string
  @column() declare role: 'teaching' | 'research' | 'other'
  @column() declare subjects: string[]
  @column() declare teachesAcademic: boolean
  @column() declare certificateNumber: string | null
  @column() declare photoDocumentId: number | null
  @column() declare consentDocumentId: number | null
  @column() declare idDocumentId: number | null
  @column() declare noCrimeDocumentId: number | null
  @column() declare declaresNotServingTeacher: boolean
  @column() declare status: StaffStatus
  @column() declare checkResult: CheckResult
  @column.dateTime() declare checkedAt: DateTime
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
