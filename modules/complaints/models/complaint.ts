import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import ComplaintStep from './complaint_step.js'
import ComplaintAttachment from './complaint_attachment.js'

export const TARGET_TYPES = ['institution', 'school', 'teacher', 'other'] as const
export const COMPLAINT_TYPES = [
  'unlicensed',
  'enrolment',
  'refund',
  'service',
  'safety',
  'other',
] as const
export type TargetType = (typeof TARGET_TYPES)[number]
export type ComplaintType = (typeof COMPLAINT_TYPES)[number]
export type ComplaintKind = 'complaint' | 'tip_off'
export type ComplaintStage = 'institution' | 'bureau'
export type ComplaintStatus =
  'with_institution' | 'responded' | 'submitted' | 'accepted' | 'replied' | 'closed' | 'withdrawn'
export type ComplaintOutcome = 'resolved' | 'unresolved' | 'not_accepted' | 'withdrawn'

export default class Complaint extends BaseModel {
  static override table = 'complaints'

  @column({ isPrimary: true }) declare id: number
  @column() declare number: string
  @column() declare channel: 'public' | 'parent'
  @column() declare authorUserId: number | null
  @column({ serializeAs: null }) declare nameCipher: string
  @column() declare nameMasked: string
  @column({ serializeAs: null }) declare phoneCipher: string
  @column({ serializeAs: null }) declare phoneIndex: string
  @column() declare phoneMasked: string
  @column({ serializeAs: null }) declare trackingHash: string | null
  @column() declare targetType: TargetType
  @column() declare complaintType: ComplaintType
  @column() declare kind: ComplaintKind
  @column() declare targetRegionCode: string
  @column() declare institutionId: number | null
  @column() declare targetName: string
  @column() declare content: string
  @column() declare orderId: number | null
  @column() declare stage: ComplaintStage
  @column() declare status: ComplaintStatus
  @column() declare handlerRegionCode: string
  @column() declare handlerProvinceCode: string | null
  @column() declare handlerCityCode: string | null
  @column() declare handlerCountyCode: string | null
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column.date() declare dueOn: DateTime | null
  @column.date() declare remindedFor: DateTime | null
  @column() declare timely: boolean
  @column() declare escalations: number
  @column() declare institutionResponse: string | null
  @column() declare reply: string | null
  @column() declare outcome: ComplaintOutcome | null
  @column() declare reviewRequested: boolean
  @column() declare reopened: boolean
  @column() declare rating: number | null
  @column() declare ratingComment: string | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
  @column.dateTime() declare acceptedAt: DateTime | null
  @column.dateTime() declare closedAt: DateTime | null

  @hasMany(() => ComplaintStep) declare steps: HasMany<typeof ComplaintStep>
  @hasMany(() => ComplaintAttachment) declare attachments: HasMany<typeof ComplaintAttachment>

  get open(): boolean {
    return this.status !== 'closed' && this.status !== 'withdrawn'
  }

  /** The region whose statistics this case counts in: where the problem is. */
  get statsRegion(): string {
    return this.countyCode ?? this.cityCode ?? this.provinceCode
  }
}
