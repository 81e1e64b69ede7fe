import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ListStatus = 'none' | 'white' | 'grey' | 'black'
export type FilingStatus = 'draft' | 'submitted' | 'returned' | 'approved'

export interface ListReason {
  /**
   * The message's key under `registry.list.reasons` in the registry's lang
   * files: compliant, rectifying, deadline_missed, banned_staff, unlicensed,
   * licence_expired, `finding.<item>` or override.
   */
  code: string
  /** Extra values for the message, e.g. the missed deadline. */
  data?: Record<string, string | number>
}

export default class Institution extends BaseModel {
  static override table = 'institutions'

  @column({ isPrimary: true }) declare id: number
  @column() declare name: string
  @column() declare creditCode: string | null
  @column() declare delivery: 'offline' | 'online'
  @column() declare nature: 'for_profit' | 'non_profit' | null
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare address: string | null
  @column() declare legalRepName: string | null
  @column() declare categories: string[]
  @column() declare qualificationType: string | null
  @column() declare licenceNumber: string | null
  @column.date() declare licenceValidTo: DateTime | null
  @column({ prepare: (v) => JSON.stringify(v ?? []) }) declare serviceChannels: {
    kind: string
    value: string
    location: string
  }[]
  @column() declare filingStatus: FilingStatus
  @column.dateTime() declare approvedAt: DateTime | null
  @column() declare listStatus: ListStatus
  @column({ prepare: (v) => JSON.stringify(v ?? []) }) declare listReasons: ListReason[]
  @column.dateTime() declare listChangedAt: DateTime | null
  @column() declare listOverride: Exclude<ListStatus, 'none'> | null
  @column() declare listOverrideReason: string | null
  @column.dateTime() declare removedAt: DateTime | null
  @column() declare removalReason: string | null
  @column() declare removedById: number | null
  @column() declare source: 'self' | 'import'
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime

  get isPublic() {
    return this.filingStatus === 'approved' && !this.removedAt
  }
}
