import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { RenderedContract } from '../contracts/template.js'

export type ContractStatus = 'signed' | 'active' | 'completed' | 'terminated'

export default class Contract extends BaseModel {
  static override table = 'contracts'

  @column({ isPrimary: true }) declare id: number
  @column() declare number: string
  @column() declare templateId: number
  @column() declare templateVersion: number
  @column() declare courseId: number
  @column() declare courseVersion: number
  @column() declare institutionId: number
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare parentUserId: number
  @column() declare studentName: string
  @column({ serializeAs: null }) declare studentIdCipher: string
  @column({ serializeAs: null }) declare studentIdIndex: string
  @column() declare studentIdMasked: string
  @column() declare studentSchool: string
  @column() declare studentGrade: string
  @column() declare guardianName: string
  @column() declare guardianRelation: string
  @column() declare totalFen: number
  @column() declare perChargeFen: number
  @column() declare classCount: number
  @column({ prepare: (v) => JSON.stringify(v) }) declare content: RenderedContract
  @column({ columnName: 'content_sha256' }) declare contentSha256: string
  @column() declare pdfKey: string
  @column({ columnName: 'pdf_sha256' }) declare pdfSha256: string
  @column() declare signMethod: 'password'
  @column() declare signerIp: string | null
  @column.dateTime() declare signedAt: DateTime
  @column() declare status: ContractStatus
  /** An unpaid contract's seat is held until then; null once the parent is committed (or for contracts signed before holds existed). */
  @column.dateTime() declare seatHeldUntil: DateTime | null
  /** Set when an unpaid contract was terminated because its hold ran out. */
  @column.dateTime() declare lapsedAt: DateTime | null
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
