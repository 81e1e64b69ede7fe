import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Grade } from '#kernel/shared/school_grades'
import type { Sex } from '../services/resident_id.js'

export type RecordStatus = 'pending' | 'found' | 'not_found' | 'mismatch' | 'not_offered'

/** A difference the student-record service found: what the record says instead. */
export interface RecordDifference {
  field: 'school' | 'grade'
  recorded: string
}

export default class Child extends BaseModel {
  static override table = 'children'

  @column({ isPrimary: true }) declare id: number
  @column() declare name: string
  @column({ serializeAs: null }) declare idNumberCipher: string
  @column({ serializeAs: null }) declare idNumberIndex: string
  @column() declare idNumberMasked: string
  @column() declare sex: Sex
  @column.date() declare birthDate: DateTime
  @column() declare countyCode: string
  @column() declare cityCode: string | null
  @column() declare provinceCode: string
  @column() declare schoolId: number | null
  @column() declare schoolName: string | null
  @column() declare grade: Grade
  @column() declare gradeYear: number
  @column() declare recordStatus: RecordStatus
  @column({ prepare: (v) => (v === null ? null : JSON.stringify(v)) })
  declare recordDifferences: RecordDifference[] | null
  @column.dateTime() declare recordCheckedAt: DateTime | null
  @column() declare recordAttempts: number
  @column.dateTime() declare recordNextCheckAt: DateTime | null
  @column() declare createdByUserId: number
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
