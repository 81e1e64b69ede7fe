import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { ListReason, ListStatus } from './institution.js'

export default class ListChange extends BaseModel {
  static override table = 'list_changes'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare fromStatus: ListStatus
  @column() declare toStatus: ListStatus
  @column({ prepare: (v) => JSON.stringify(v ?? []) }) declare reasons: ListReason[]
  @column() declare source: 'rules' | 'override'
  @column() declare changedById: number | null
  @column.dateTime() declare changedAt: DateTime
}
